package dev.imgsign.cli;

import dev.imgsign.core.KeySet;
import dev.imgsign.imageproxy.ImageproxyOptions;
import dev.imgsign.imageproxy.ImageproxySigner;
import dev.imgsign.imageproxy.ImageproxyVerifier;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code imgsign imageproxy sign|verify}: willnorris/imageproxy, output as its imageproxy-sign tool. */
@Command(name = "imageproxy", mixinStandardHelpOptions = true,
        description = "willnorris/imageproxy signatures. The key may also come from IMAGEPROXY_SIGNATUREKEY.",
        subcommands = {ImageproxyCommand.Sign.class, ImageproxyCommand.Verify.class})
final class ImageproxyCommand {
    static final String KEY_ENV = "IMAGEPROXY_SIGNATUREKEY";

    @ParentCommand
    Imgsign root;

    @Command(name = "sign", mixinStandardHelpOptions = true,
            description = {"Sign a remote URL; options go in its fragment (https://x/a.jpg#400x400,q40), as imageproxy-sign takes them.",
                "Prints 'url: URL' and 'signature: SIG' as imageproxy-sign does, plus 'proxy: FULL_URL' with --base.",
                "Reading URLs from stdin prints one line per URL: the proxy URL with --base, else the signature."})
    static final class Sign implements Callable<Integer> {
        @ParentCommand
        ImageproxyCommand imageproxy;

        @Option(names = {"-k", "--key"}, paramLabel = "KEY|@FILE",
                description = "signature key, or @FILE for a file's bytes (kept whole); default: $IMAGEPROXY_SIGNATUREKEY")
        String key;

        @Option(names = "--url-only", description = "sign the URL alone (legacy; lets clients change every option)")
        boolean urlOnly;

        @Option(names = "--base", paramLabel = "BASE", description = "proxy base URL, e.g. http://localhost:8080")
        String base;

        @Parameters(paramLabel = "URL", arity = "0..*", description = "remote URLs, options in the fragment; none: stdin")
        List<String> urls;

        @Override
        public Integer call() {
            ImageproxySigner signer = ImageproxySigner.builder()
                    .keys(KeySet.of(Keys.resolve(key, imageproxy.root, KEY_ENV)))
                    .baseUrl(base == null ? "" : base)
                    .signOptions(!urlOnly)
                    .build();
            boolean batch = urls == null || urls.isEmpty();
            return Inputs.forEach(urls, imageproxy.root, argument -> {
                int hash = argument.indexOf('#');
                String remote = hash < 0 ? argument : argument.substring(0, hash);
                ImageproxyOptions options = ImageproxyOptions.parse(hash < 0 ? "" : argument.substring(hash + 1));
                if (batch) {
                    return Inputs.Result.ok(base != null ? signer.sign(remote, options) : signer.signature(remote, options));
                }
                String lines = "url: " + argument + "\nsignature: " + signer.signature(remote, options);
                return Inputs.Result.ok(base == null ? lines : lines + "\nproxy: " + signer.sign(remote, options));
            });
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify proxy request URLs as the imageproxy server would (exit 1 if any is rejected).")
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        ImageproxyCommand imageproxy;

        @Option(names = {"-k", "--key"}, paramLabel = "KEY|@FILE", description = "signature key; default: $IMAGEPROXY_SIGNATUREKEY")
        String key;

        @Option(names = "--require-signed-options", description = "refuse URL-only signatures (safer than the server's default)")
        boolean requireSignedOptions;

        @Option(names = "--at", paramLabel = "TIME", description = "the time for vu: ISO-8601 instant or unix seconds (default: now)")
        String at;

        @Parameters(paramLabel = "REQUEST_URL", arity = "0..*", description = "proxy request URLs or paths; none: stdin")
        List<String> requests;

        @Override
        public Integer call() {
            ImageproxyVerifier verifier = ImageproxyVerifier.builder()
                    .keys(KeySet.of(Keys.resolve(key, imageproxy.root, KEY_ENV)))
                    .requireSignedOptions(requireSignedOptions)
                    .clock(Common.clockAt(at))
                    .build();
            return Inputs.forEach(requests, imageproxy.root, request -> Common.result(
                    verifier.verify(Common.requestTarget(request)),
                    r -> r.remoteUrl() + " options=" + r.options()));
        }
    }
}
