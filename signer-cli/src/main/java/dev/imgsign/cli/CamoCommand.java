package dev.imgsign.cli;

import dev.imgsign.core.UrlSigner;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code imgsign camo encode|decode}: go-camo's url-tool, plus atmos/camo's query form and dialect. */
@Command(name = "camo", mixinStandardHelpOptions = true,
        description = "Camo URLs (go-camo, atmos/camo). The key may also come from GOCAMO_HMAC.",
        footer = "Key options may also come first, as url-tool takes them: imgsign camo -k KEY encode URL",
        subcommands = {CamoCommand.Encode.class, CamoCommand.Decode.class})
final class CamoCommand extends SchemeCommand {
    CamoCommand() {
        super("GOCAMO_HMAC");
    }

    @Command(name = "encode", mixinStandardHelpOptions = true,
            description = "Print the signed Camo URL of each URL (output as go-camo's url-tool encode).")
    static final class Encode extends SchemeSubcommand {
        @Option(names = {"-p", "--prefix"}, paramLabel = "PREFIX", defaultValue = "",
                description = "URL prefix of the proxy, e.g. https://img.example.org")
        String prefix;

        @Option(names = {"-b", "--encoding"}, paramLabel = "hex|base64|query", defaultValue = "hex",
                description = "hex (default), base64 (go-camo) or query (atmos/camo /<digest>?url=)")
        String encoding;

        @Parameters(paramLabel = "URL", arity = "0..*", description = "URLs to sign; none: read one per line from stdin")
        List<String> urls;

        @Override
        public Integer call() {
            UrlSigner<String> signer = config("camo")
                    .option("prefix", "--prefix", Common.checkUrlPrefix("--prefix", prefix, true))
                    .option("encoding", "--encoding", encoding)
                    .signer();
            return signEach(urls, signer::sign);
        }
    }

    @Command(name = "decode", mixinStandardHelpOptions = true,
            description = "Verify each signed Camo URL and print the URL it points at (exit 1 if any is rejected).")
    static final class Decode extends SchemeSubcommand {
        @Option(names = "--dialect", paramLabel = "go-camo|atmos-camo", defaultValue = "go-camo",
                description = "whose rules decide: go-camo (default) or atmos-camo")
        String dialect;

        @Option(names = {"-p", "--prefix"}, paramLabel = "PREFIX",
                description = "a path prefix the proxy is mounted under, stripped before verifying")
        String prefix;

        @Parameters(paramLabel = "SIGNED_URL", arity = "0..*",
                description = "signed URLs or paths; none: read one per line from stdin")
        List<String> signedUrls;

        @Override
        public Integer call() {
            Common.checkPathPrefix("--prefix", prefix);
            return verifyEach(signedUrls, config("camo").option("dialect", "--dialect", dialect).<String>verifier(),
                    url -> url);
        }

        /** The path and query, without the prefix the proxy is mounted under. */
        @Override
        String requestTarget(String signed) {
            String target = Common.requestTarget(signed);
            return prefix != null && !prefix.isEmpty() && target.startsWith(prefix) ? target.substring(prefix.length())
                    : target;
        }
    }
}
