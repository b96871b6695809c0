package dev.imgsign.cli;

import dev.imgsign.core.UrlVerifier;
import dev.imgsign.expiring.aurelia.AureliaLink;
import dev.imgsign.expiring.aurelia.AureliaLinkSigner;
import dev.imgsign.expiring.link.ExpiringLink;
import dev.imgsign.expiring.link.ExpiringLinkSigner;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code imgsign expiring sign|verify}: generic expiring links, and aurelia links (Go, github.com/kodefluence/aurelia). */
@Command(name = "expiring", mixinStandardHelpOptions = true,
        description = {"Generic expiring links (?expires=&signature=), or aurelia links (Go, github.com/kodefluence/aurelia:"
            + " ?signature=&expires_at=).", "The key may also come from " + ExpiringCommand.KEY_ENV + "."},
        subcommands = {ExpiringCommand.Sign.class, ExpiringCommand.Verify.class})
final class ExpiringCommand extends SchemeCommand {
    /** No peer tool defines a variable for this scheme; ours, named after the tool. */
    static final String KEY_ENV = "IMGSIGN_EXPIRING_KEY";

    ExpiringCommand() {
        super(KEY_ENV);
    }

    /** The format and the time, which both directions take. */
    abstract static class Shared extends TimedSubcommand {
        @Option(names = "--format", paramLabel = "hmac|aurelia", defaultValue = "hmac",
                description = "hmac: our recommended scheme (default); aurelia: aurelia links (Go, github.com/kodefluence/aurelia; slow by design)")
        String format;

        /** {@return the expiring provider's configuration of the format and the time} */
        ProviderConfig expiringConfig() {
            return config("expiring").option("format", "--format", format);
        }

        boolean aurelia() {
            return format.equals("aurelia");
        }
    }

    @Command(name = "sign", mixinStandardHelpOptions = true, description = "Print an expiring link for each path.")
    static final class Sign extends Shared {
        @Option(names = "--valid-for", paramLabel = "DURATION", defaultValue = "PT1H",
                description = "how long the link is valid, ISO-8601 (PT10M) or seconds (default PT1H)")
        String validFor;

        @Option(names = "--host", defaultValue = "", description = "prefix such as https://img.example.org")
        String host;

        @Parameters(paramLabel = "PATH", arity = "0..*", description = "absolute paths such as /avatar/cat.png; none: stdin")
        List<String> paths;

        @Override
        public Integer call() {
            Duration validity = duration(validFor);
            ProviderConfig config = expiringConfig().option("host", "--host", Common.checkUrlPrefix("--host", host, false));
            if (aurelia()) {
                AureliaLinkSigner signer = config.signer(AureliaLinkSigner.class);
                return signEach(paths, path -> signer.sign(path, validity));
            }
            ExpiringLinkSigner signer = config.signer(ExpiringLinkSigner.class);
            return signEach(paths, path -> signer.sign(path, validity));
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify each expiring link (exit 1 if any is rejected).")
    static final class Verify extends Shared {
        @Parameters(paramLabel = "LINK", arity = "0..*", description = "links or path?query; none: read one per line from stdin")
        List<String> links;

        @Override
        public Integer call() {
            if (aurelia()) {
                UrlVerifier<AureliaLink> verifier = expiringConfig().verifier();
                return verifyEach(links, verifier, l -> l.path() + " expires_at=" + l.expiresAt());
            }
            UrlVerifier<ExpiringLink> verifier = expiringConfig().verifier();
            return verifyEach(links, verifier, l -> l.path() + " expires=" + l.expiresAt());
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
