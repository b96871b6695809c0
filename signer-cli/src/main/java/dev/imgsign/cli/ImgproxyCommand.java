package dev.imgsign.cli;

import dev.imgsign.core.KeyReader;
import dev.imgsign.core.KeySet;
import dev.imgsign.core.SigningKey;
import dev.imgsign.imgproxy.ImgproxyOptions;
import dev.imgsign.imgproxy.ImgproxyRequest;
import dev.imgsign.imgproxy.ImgproxyServerVersion;
import dev.imgsign.imgproxy.ImgproxySigner;
import dev.imgsign.imgproxy.ImgproxyVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code imgsign imgproxy sign|verify}: imgproxy processing URLs, keys and salts as the server reads them. */
@Command(name = "imgproxy", mixinStandardHelpOptions = true,
        description = "imgproxy signatures. Key and salt are hex, as the server reads them (--key-encoding for "
                + "another key encoding), comma lists for several pairs (the first signs); they may also come from "
                + "IMGPROXY_KEY and IMGPROXY_SALT.",
        footer = "Key options may also come first: imgsign imgproxy -k HEX sign SOURCE",
        subcommands = {ImgproxyCommand.Sign.class, ImgproxyCommand.Verify.class})
final class ImgproxyCommand {
    static final String KEY_ENV = "IMGPROXY_KEY";
    static final String SALT_ENV = "IMGPROXY_SALT";

    @ParentCommand
    Imgsign root;

    @Mixin
    KeyOptions keyOptions;

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
         * The key/salt pairs: keys by the CLI's shared key rule ({@link Keys}), hex unless {@code --key-encoding}
         * says otherwise, a comma list for several; salts always hex, as the server reads {@code IMGPROXY_SALT}.
         */
        KeySet keys(KeyOptions own, ImgproxyCommand command) {
            return KeySet.of(Keys.resolveList(own, command.keyOptions, command.root, KEY_ENV, KeyReader.Encoding.HEX));
        }

        /** The hex salts, one per key, as the server reads {@code IMGPROXY_SALT}. */
        KeySet salts(ImgproxyCommand command) {
            List<SigningKey> salts = new ArrayList<>();
            for (String hex : salts(command.root).split(",", -1)) {
                try {
                    salts.add(SigningKey.ofHex(hex));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("imgproxy salt " + salts.size() + " is empty or not valid hexadecimal");
                }
            }
            return KeySet.of(salts);
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
    static final class Sign implements Callable<Integer> {
        @ParentCommand
        ImgproxyCommand imgproxy;

        @Mixin
        KeyOptions keyOptions;

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
            ImgproxySigner signer = ImgproxySigner.builder(secrets.keys(keyOptions, imgproxy)).salts(secrets.salts(imgproxy))
                    .signatureSize(secrets.signatureSize).pathPrefix(secrets.pathPrefix).baseUrl(base)
                    .sourceForm(plain ? ImgproxySigner.SourceForm.PLAIN : ImgproxySigner.SourceForm.BASE64)
                    .base64ChunkLength(chunk).build();
            return Inputs.forEach(sources, imgproxy.root, source -> Inputs.Result.ok(
                    signer.sign(new ImgproxyRequest(built, source, extension))));
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify imgproxy request URLs as the v3 or v4 server would (exit 1 if any is rejected).")
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        ImgproxyCommand imgproxy;

        @Mixin
        KeyOptions keyOptions;

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
            ImgproxyServerVersion version = switch (server.toLowerCase(Locale.ROOT)) {
                case "v3", "3" -> ImgproxyServerVersion.V3;
                case "v4", "4" -> ImgproxyServerVersion.V4;
                default -> throw new IllegalArgumentException("--server must be v3 or v4, not '" + server + "'");
            };
            ImgproxyVerifier verifier = ImgproxyVerifier.builder(secrets.keys(keyOptions, imgproxy)).salts(secrets.salts(imgproxy))
                    .signatureSize(secrets.signatureSize).pathPrefix(secrets.pathPrefix).serverVersion(version)
                    .trustedSignatures(trusted).build();
            return Inputs.forEach(requests, imgproxy.root, request -> Common.result(
                    verifier.verify(Common.requestTarget(request)),
                    r -> r.sourceUrl() + " options=" + r.options() + (r.extension().isEmpty() ? "" : " ext=" + r.extension())));
        }
    }
}
