package dev.imgsign.cli;

import dev.imgsign.core.KeySet;
import dev.imgsign.expiring.aurelia.AureliaLinkSigner;
import dev.imgsign.expiring.aurelia.AureliaLinkVerifier;
import dev.imgsign.expiring.link.ExpiringLinkSigner;
import dev.imgsign.expiring.link.ExpiringLinkVerifier;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code imgsign expiring sign|verify}: generic expiring links, and aurelia links (Go, github.com/kodefluence/aurelia). */
@Command(name = "expiring", mixinStandardHelpOptions = true,
        description = {"Generic expiring links (?expires=&signature=), or aurelia links (Go, github.com/kodefluence/aurelia:"
            + " ?signature=&expires_at=).", "The key may also come from " + ExpiringCommand.KEY_ENV + "."},
        subcommands = {ExpiringCommand.Sign.class, ExpiringCommand.Verify.class})
final class ExpiringCommand {
    /** No peer tool defines a variable for this scheme; ours, named after the tool. */
    static final String KEY_ENV = "IMGSIGN_EXPIRING_KEY";

    @ParentCommand
    Imgsign root;

    @Mixin
    KeyOptions keyOptions;

    static class Shared {
        @Mixin
        KeyOptions keyOptions;

        @Option(names = "--at", paramLabel = "TIME", description = "the time: ISO-8601 instant or unix seconds (default: now)")
        String at;

        @Option(names = "--format", paramLabel = "hmac|aurelia", defaultValue = "hmac",
                description = "hmac: our recommended scheme (default); aurelia: aurelia links (Go, github.com/kodefluence/aurelia; slow by design)")
        String format;

        boolean aurelia() {
            switch (format) {
                case "hmac":
                    return false;
                case "aurelia":
                    return true;
                default:
                    throw new IllegalArgumentException("format is hmac or aurelia, not '" + format + "'");
            }
        }
    }

    @Command(name = "sign", mixinStandardHelpOptions = true, description = "Print an expiring link for each path.")
    static final class Sign extends Shared implements Callable<Integer> {
        @ParentCommand
        ExpiringCommand expiring;

        @Option(names = "--valid-for", paramLabel = "DURATION", defaultValue = "PT1H",
                description = "how long the link is valid, ISO-8601 (PT10M) or seconds (default PT1H)")
        String validFor;

        @Option(names = "--host", defaultValue = "", description = "prefix such as https://img.example.org")
        String host;

        @Parameters(paramLabel = "PATH", arity = "0..*", description = "absolute paths such as /avatar/cat.png; none: stdin")
        List<String> paths;

        @Override
        public Integer call() {
            KeySet keys = KeySet.of(Keys.resolve(keyOptions, expiring.keyOptions, expiring.root, KEY_ENV));
            Duration validity = duration(validFor);
            String prefix = Common.checkUrlPrefix("--host", host, false);
            if (aurelia()) {
                AureliaLinkSigner signer = AureliaLinkSigner.builder(keys).clock(Common.clockAt(at)).host(prefix).build();
                return Inputs.forEach(paths, expiring.root, path -> Inputs.Result.ok(signer.sign(path, validity)));
            }
            ExpiringLinkSigner signer = ExpiringLinkSigner.builder(keys).clock(Common.clockAt(at)).host(prefix).build();
            return Inputs.forEach(paths, expiring.root, path -> Inputs.Result.ok(signer.sign(path, validity)));
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify each expiring link (exit 1 if any is rejected).")
    static final class Verify extends Shared implements Callable<Integer> {
        @ParentCommand
        ExpiringCommand expiring;

        @Parameters(paramLabel = "LINK", arity = "0..*", description = "links or path?query; none: read one per line from stdin")
        List<String> links;

        @Override
        public Integer call() {
            KeySet keys = KeySet.of(Keys.resolve(keyOptions, expiring.keyOptions, expiring.root, KEY_ENV));
            if (aurelia()) {
                AureliaLinkVerifier verifier = AureliaLinkVerifier.builder(keys).clock(Common.clockAt(at)).build();
                return Inputs.forEach(links, expiring.root, link -> Common.result(
                        verifier.verify(Common.requestTarget(link)), l -> l.path() + " expires_at=" + l.expiresAt()));
            }
            ExpiringLinkVerifier verifier = ExpiringLinkVerifier.builder(keys).clock(Common.clockAt(at)).build();
            return Inputs.forEach(links, expiring.root, link -> Common.result(
                    verifier.verify(Common.requestTarget(link)), l -> l.path() + " expires=" + l.expiresAt()));
        }
    }

    static Duration duration(String text) {
        try {
            if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
                return Duration.ofSeconds(Long.parseLong(text));
            }
            return Duration.parse(text);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("--valid-for takes an ISO-8601 duration (PT10M) or seconds, not '" + text + "'");
        }
    }
}
