package dev.imgsign.cli;

import dev.imgsign.core.KeyReader;
import dev.imgsign.core.KeySet;
import dev.imgsign.core.UrlSigner;
import dev.imgsign.imgproxy.ImgproxyOptions;
import dev.imgsign.imgproxy.ImgproxyRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code imgsign imgproxy sign|verify}: imgproxy processing URLs, keys and salts as the server reads them. */
@Command(name = "imgproxy", mixinStandardHelpOptions = true,
        description = "imgproxy signatures. Key and salt are hex, as the server reads them (--key-encoding for "
                + "another key encoding), comma lists for several pairs (the first signs); they may also come from "
                + "IMGPROXY_KEY and IMGPROXY_SALT.",
        footer = "Key options may also come first: imgsign imgproxy -k HEX sign SOURCE",
        subcommands = {ImgproxyCommand.Sign.class, ImgproxyCommand.Verify.class})
final class ImgproxyCommand extends SchemeCommand {
    static final String SALT_ENV = "IMGPROXY_SALT";

    ImgproxyCommand() {
        super("IMGPROXY_KEY");
    }

    /** Salt and server options shared by both subcommands; the keys come from {@link KeyOptions}. */
    static final class Secrets {
        @Option(names = {"-s", "--salt"}, paramLabel = "HEX|@FILE",
                description = "hex salt(s), one per key, comma-separated, or @FILE holding them; default: $IMGPROXY_SALT")
        String salt;

        @Option(names = "--signature-size", paramLabel = "N", description = "IMGPROXY_SIGNATURE_SIZE, 1-32 (default 32)")
        int signatureSize = 32;

        @Option(names = "--path-prefix", paramLabel = "PREFIX", description = "IMGPROXY_PATH_PREFIX, or /info for info URLs")
        String pathPrefix = "";

        /**
         * The imgproxy provider's configuration: keys by the CLI's shared key rule ({@link Keys}), hex unless
         * {@code --key-encoding} says otherwise, a comma list for several; salts always hex, as the server
         * reads {@code IMGPROXY_SALT}, one per key; and the server options both directions share.
         */
        ProviderConfig config(SchemeSubcommand command) {
            SchemeCommand imgproxy = command.scheme;
            KeySet keys = KeySet.of(Keys.resolveList(command.keyOptions, imgproxy.keyOptions, imgproxy.root,
                    imgproxy.keyVariable(), KeyReader.Encoding.HEX));
            return new ProviderConfig("imgproxy", keys).option("salts", "--salt", salts(imgproxy.root))
                    .option("signatureSize", "--signature-size", signatureSize)
                    .option("pathPrefix", "--path-prefix", pathPrefix);
        }

        private String salts(Imgsign root) {
            String value = salt != null ? salt : root.environment.get(SALT_ENV);
            if (value == null || value.isEmpty()) {
                throw new Imgsign.UsageException("no salt: give --salt HEX or @FILE, or set " + SALT_ENV);
            }
            if (value.startsWith("@")) {
                Path path = Path.of(value.substring(1));
                try {
                    return Files.readString(path, StandardCharsets.UTF_8).strip();
                } catch (IOException e) {
                    throw new Imgsign.UsageException("cannot read salt file " + path + ": " + e.getClass().getSimpleName());
                }
            }
            return value;
        }
    }

    @Command(name = "sign", mixinStandardHelpOptions = true,
            description = {"Sign source image URLs; prints one signed URL (or path, without --base) per source.",
                "With no SOURCE arguments, sources are read from stdin, one per line."})
    static final class Sign extends SchemeSubcommand {
        @Mixin
        Secrets secrets = new Secrets();

        @Option(names = {"-o", "--option"}, paramLabel = "NAME:ARGS",
                description = "a processing option segment, e.g. rs:fill:300:400 (repeatable, URL order)")
        List<String> options = List.of();

        @Option(names = "--ext", paramLabel = "EXT", description = "output extension, e.g. webp")
        String extension = "";

        @Option(names = "--plain", description = "write sources as plain/ (escaped) where the server reads that back; else base64")
        boolean plain;

        @Option(names = "--chunk", paramLabel = "N", description = "split base64 sources into N-character segments")
        int chunk;

        @Option(names = "--base", paramLabel = "BASE", description = "proxy base URL, e.g. https://imgproxy.example.com")
        String base = "";

        @Parameters(paramLabel = "SOURCE", arity = "0..*", description = "source image URLs; none: stdin")
        List<String> sources;

        @Override
        public Integer call() {
            ImgproxyOptions.Builder o = ImgproxyOptions.builder();
            options.forEach(o::raw);
            ImgproxyOptions built = o.build();
            UrlSigner<ImgproxyRequest> signer = secrets.config(this).option("baseUrl", "--base", base)
                    .option("sourceForm", "--plain", plain ? "plain" : "base64")
                    .option("base64ChunkLength", "--chunk", chunk).signer();
            return signEach(sources, source -> signer.sign(new ImgproxyRequest(built, source, extension)));
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify imgproxy request URLs as the v3 or v4 server would (exit 1 if any is rejected).")
    static final class Verify extends SchemeSubcommand {
        @Mixin
        Secrets secrets = new Secrets();

        @Option(names = "--server", paramLabel = "v3|v4", description = "server version to decide as (default v4)")
        String server = "v4";

        @Option(names = "--trusted", paramLabel = "SIG", split = ",", description = "IMGPROXY_TRUSTED_SIGNATURES")
        List<String> trusted = List.of();

        @Parameters(paramLabel = "REQUEST_URL", arity = "0..*", description = "request URLs or paths; none: stdin")
        List<String> requests;

        @Override
        public Integer call() {
            return verifyEach(requests, secrets.config(this).option("serverVersion", "--server", server)
                    .option("trustedSignatures", "--trusted", trusted).<ImgproxyRequest>verifier(),
                    r -> r.sourceUrl() + " options=" + r.options() + (r.extension().isEmpty() ? "" : " ext=" + r.extension()));
        }
    }
}
