package dev.imgsign.imgproxy;

import dev.imgsign.core.spi.SchemeConfig;
import dev.imgsign.core.spi.SchemeProvider;
import dev.imgsign.core.SigningKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code imgproxy} scheme for tools that build signers and verifiers by name (the servlet filter,
 * the CLI).
 *
 * <p>Keys: the configuration's {@link SchemeConfig#keys() keys} are the imgproxy keys as bytes (give them
 * with hex key encoding, as {@code IMGPROXY_KEY}), primary first. Options (all strings):
 * <ul>
 *   <li>{@code salts}: comma-separated hex salts, one per key, in the keys' order ({@code IMGPROXY_SALT});
 *       or {@code saltsEnv}: the name of an environment variable holding that list (for example
 *       {@code IMGPROXY_SALT}), so that the salts stay out of configuration files. Exactly one of the two
 *       is required unless {@code unsigned=true}.</li>
 *   <li>{@code signatureSize}: 1..32, default 32 ({@code IMGPROXY_SIGNATURE_SIZE}).</li>
 *   <li>{@code serverVersion}: {@code v3} or {@code v4} (default), verifier only.</li>
 *   <li>{@code trustedSignatures}: comma-separated, accepted verbatim ({@code IMGPROXY_TRUSTED_SIGNATURES}),
 *       verifier only.</li>
 *   <li>{@code pathPrefix}: {@code IMGPROXY_PATH_PREFIX} or {@code /info}, both.</li>
 *   <li>{@code unsigned}: {@code true} to verify as a server without keys (checks nothing), verifier only;
 *       default {@code false}.</li>
 *   <li>{@code maxLength}: verifier only, default {@value ImgproxyVerifier#DEFAULT_MAX_LENGTH}.</li>
 *   <li>{@code baseUrl}: what signed URLs start with, both (the verifier then also accepts the signer's
 *       full URLs).</li>
 *   <li>{@code sourceForm} ({@code base64} default, or {@code plain}), {@code base64ChunkLength}: signer
 *       only.</li>
 * </ul>
 *
 * @since 0.1.0
 */
public final class ImgproxySchemeProvider implements SchemeProvider {
    private static final Set<String> OPTIONS = Set.of("salts", "saltsEnv", "signatureSize", "serverVersion",
            "trustedSignatures", "pathPrefix", "unsigned", "maxLength", "baseUrl", "sourceForm", "base64ChunkLength");

    /** Used by {@link java.util.ServiceLoader}. */
    public ImgproxySchemeProvider() {
    }

    @Override
    public String name() {
        return "imgproxy";
    }

    @Override
    public String description() {
        return "imgproxy: base64url HMAC-SHA256(key, salt + path), verified as the v3 or v4 server does";
    }

    @Override
    public Set<String> optionNames() {
        return OPTIONS;
    }

    /** Signs {@link ImgproxyRequest}s. */
    @Override
    public ImgproxySigner signer(SchemeConfig config) {
        config.requireOnlyOptions(name(), OPTIONS);
        ImgproxySigner.Builder b = ImgproxySigner.builder().keys(keys(config));
        config.option("signatureSize").ifPresent(v -> b.signatureSize(integer("signatureSize", v)));
        config.option("pathPrefix").ifPresent(b::pathPrefix);
        config.option("baseUrl").ifPresent(b::baseUrl);
        config.option("base64ChunkLength").ifPresent(v -> b.base64ChunkLength(integer("base64ChunkLength", v)));
        config.option("sourceForm").ifPresent(v -> {
            switch (v.strip().toLowerCase(Locale.ROOT)) {
                case "base64" -> b.sourceForm(ImgproxySigner.SourceForm.BASE64);
                case "plain" -> b.sourceForm(ImgproxySigner.SourceForm.PLAIN);
                default -> throw new IllegalArgumentException("sourceForm must be base64 or plain, got '" + v + "'");
            }
        });
        return b.build();
    }

    @Override
    public ImgproxyVerifier verifier(SchemeConfig config) {
        config.requireOnlyOptions(name(), OPTIONS);
        ImgproxyVerifier.Builder b = ImgproxyVerifier.builder();
        boolean unsigned = config.option("unsigned").map(v -> bool("unsigned", v)).orElse(false);
        if (unsigned) {
            if (config.hasKeys()) {
                throw new IllegalArgumentException("unsigned=true and keys exclude each other");
            }
            b.acceptUnsignedRequests();
        } else {
            b.keys(keys(config));
        }
        config.option("signatureSize").ifPresent(v -> b.signatureSize(integer("signatureSize", v)));
        config.option("pathPrefix").ifPresent(b::pathPrefix);
        config.option("maxLength").ifPresent(v -> b.maxLength(integer("maxLength", v)));
        config.option("baseUrl").ifPresent(b::baseUrl);
        config.option("trustedSignatures").ifPresent(v -> b.trustedSignatures(list(v)));
        config.option("serverVersion").ifPresent(v -> {
            switch (v.strip().toLowerCase(Locale.ROOT)) {
                case "v3", "3" -> b.serverVersion(ImgproxyServerVersion.V3);
                case "v4", "4" -> b.serverVersion(ImgproxyServerVersion.V4);
                default -> throw new IllegalArgumentException("serverVersion must be v3 or v4, got '" + v + "'");
            }
        });
        return b.build();
    }

    private static ImgproxyKeys keys(SchemeConfig config) {
        List<SigningKey> keys = config.keys().keys();
        String salts = salts(config);
        List<String> saltList = new ArrayList<>();
        for (String s : salts.split(",", -1)) {
            saltList.add(s);
        }
        if (saltList.size() != keys.size()) {
            throw new IllegalArgumentException("imgproxy needs as many salts as keys: got " + keys.size()
                    + " keys and " + saltList.size() + " salts");
        }
        ImgproxyKeys result = null;
        for (int i = 0; i < keys.size(); i++) {
            String hex = saltList.get(i).strip();
            byte[] salt;
            try {
                salt = HexFormat.of().parseHex(hex);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("imgproxy salt " + i + " is not valid hexadecimal");
            }
            byte[] key = keys.get(i).copyBytes();
            result = result == null ? ImgproxyKeys.of(key, salt) : result.and(key, salt);
            Arrays.fill(key, (byte) 0);
        }
        return result;
    }

    private static String salts(SchemeConfig config) {
        var inline = config.option("salts");
        var env = config.option("saltsEnv");
        if (inline.isPresent() == env.isPresent()) {
            throw new IllegalArgumentException("scheme imgproxy needs exactly one of the options salts and saltsEnv");
        }
        if (inline.isPresent()) {
            return inline.get();
        }
        String value = System.getenv(env.get());
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("environment variable " + env.get() + " (imgproxy salts) is not set");
        }
        return value;
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, got '" + value + "'");
        }
    }

    private static boolean bool(String name, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, got '" + value + "'");
        };
    }

    private static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        for (String s : value.split(",", -1)) {
            String t = s.strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }
}
