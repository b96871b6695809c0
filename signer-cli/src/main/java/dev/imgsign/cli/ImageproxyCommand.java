package dev.imgsign.cli;

import dev.imgsign.core.Verification;
import dev.imgsign.imageproxy.ImageproxyOptions;
import dev.imgsign.imageproxy.ImageproxyRequest;
import dev.imgsign.imageproxy.ImageproxySigner;
import dev.imgsign.imageproxy.ImageproxyVerifier;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code imgsign imageproxy sign|verify}: willnorris/imageproxy, output as its imageproxy-sign tool. */
@Command(name = "imageproxy", mixinStandardHelpOptions = true,
        description = "willnorris/imageproxy signatures. The key may also come from IMAGEPROXY_SIGNATUREKEY.",
        subcommands = {ImageproxyCommand.Sign.class, ImageproxyCommand.Verify.class})
final class ImageproxyCommand extends SchemeCommand {
    ImageproxyCommand() {
        super("IMAGEPROXY_SIGNATUREKEY");
    }

    @Command(name = "sign", mixinStandardHelpOptions = true,
            description = {"Sign a remote URL or a whole proxy URL, as imageproxy-sign does.",
                "A remote URL carries its options in the fragment (https://x/a.jpg#400x400,q40); a proxy URL"
                    + " (http://localhost:8080/400x400,q40/https://x/a.jpg) is read as the server reads it, any"
                    + " signature in it dropped.",
                "Prints 'url: URL' and 'signature: SIG' as imageproxy-sign does, plus 'proxy: FULL_URL' with --base.",
                "Reading URLs from stdin prints one line per URL: the proxy URL with --base, else the signature."})
    static final class Sign extends SchemeSubcommand {
        @Option(names = "--url-only", description = "sign the URL alone (legacy; lets clients change every option)")
        boolean urlOnly;

        @Option(names = "--base", paramLabel = "BASE", description = "proxy base URL, e.g. http://localhost:8080")
        String base;

        @Parameters(paramLabel = "URL", arity = "0..*",
                description = "remote URLs (options in the fragment) or proxy URLs; none: stdin")
        List<String> urls;

        @Override
        public Integer call() {
            // The signer type itself: only it offers the bare signature imageproxy-sign prints.
            ImageproxySigner signer = config("imageproxy")
                    .option("baseUrl", "--base", Common.checkUrlPrefix("--base", base, false))
                    .option("signOptions", "--url-only", !urlOnly)
                    .signer(ImageproxySigner.class);
            boolean batch = urls == null || urls.isEmpty();
            return Inputs.forEach(urls, scheme.root, argument -> {
                ImageproxyRequest request = parse(argument);
                String remote = request.remoteUrl();
                ImageproxyOptions options = request.options();
                if (batch) {
                    return Inputs.Result.ok(base != null ? signer.sign(remote, options) : signer.signature(remote, options));
                }
                String lines = "url: " + argument + "\nsignature: " + signer.signature(remote, options);
                return Inputs.Result.ok(base == null ? lines : lines + "\nproxy: " + signer.sign(remote, options));
            });
        }
    }

    /**
     * Reads any proxy URL, signed or not, as the server would, to sign what it asks for; its clock stands at
     * 1970 so that a {@code vu} option is read, not judged.
     */
    private static final ImageproxyVerifier PROXY_URL_READER = ImageproxyVerifier.builderWithoutKeys()
            .acceptUnsignedRequests()
            .clock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
            .build();

    /**
     * What {@code argument} asks to sign, read as imageproxy-sign reads it: first as a proxy URL
     * ({@code http://proxy/OPTIONS/REMOTE_URL}, any signature in it dropped), else as the remote URL itself
     * with options in its fragment.
     */
    static ImageproxyRequest parse(String argument) {
        if (argument.startsWith("/") || argument.indexOf("://") > 0) {
            String target;
            try {
                target = Common.requestTarget(argument);
            } catch (IllegalArgumentException e) {
                target = null;
            }
            if (target != null && PROXY_URL_READER.verify(target) instanceof Verification.Accepted<ImageproxyRequest> a) {
                return new ImageproxyRequest(a.request().remoteUrl(), a.request().options().withoutSignature());
            }
        }
        int hash = argument.indexOf('#');
        String remote = hash < 0 ? argument : argument.substring(0, hash);
        ImageproxyOptions options = ImageproxyOptions.parse(hash < 0 ? "" : argument.substring(hash + 1));
        return new ImageproxyRequest(remote, options.withoutSignature());
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify proxy request URLs as the imageproxy server would (exit 1 if any is rejected).")
    static final class Verify extends SchemeSubcommand {
        @Option(names = "--require-signed-options", description = "refuse URL-only signatures (safer than the server's default)")
        boolean requireSignedOptions;

        @Option(names = "--at", paramLabel = "TIME", description = "the time for vu: ISO-8601 instant or unix seconds (default: now)")
        String at;

        @Parameters(paramLabel = "REQUEST_URL", arity = "0..*", description = "proxy request URLs or paths; none: stdin")
        List<String> requests;

        @Override
        public Integer call() {
            return verifyEach(requests, config("imageproxy").clock(Common.clockAt(at))
                    .option("requireSignedOptions", "--require-signed-options", requireSignedOptions)
                    .<ImageproxyRequest>verifier(), r -> r.remoteUrl() + " options=" + r.options());
        }
    }
}
