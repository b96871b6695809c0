package dev.imgsign.imgproxy;

import dev.imgsign.core.spi.SchemeConfig;
import dev.imgsign.core.spi.SchemeProvider;
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
 *   <li>{@code serverVersion}: {@code v3} or {@code v4} (default; {@code V3}, {@code 3} and so on too),
 *       verifier only.</li>
 *   <li>{@code trustedSignatures}: comma-separated, accepted verbatim ({@code IMGPROXY_TRUSTED_SIGNATURES}),
 *       verifier only.</li>
 *   <li>{@code pathPrefix}: {@code IMGPROXY_PATH_PREFIX} or {@code /info}, both.</li>
 *   <li>{@code unsigned}: {@code true} (the one boolean rule of {@link SchemeConfig#flag}) to verify as a server without keys (checks nothing), verifier only;
 *       default {@code false}.</li>
 *   <li>{@code maxLength}: verifier only, default {@value ImgproxyVerifier#DEFAULT_MAX_LENGTH}.</li>
 *   <li>{@code baseUrl}: what signed URLs start with, both (the verifier then also accepts the signer's
 *       full URLs).</li>
 *   <li>{@code sourceForm} ({@code base64} default, or {@code plain}; or in capitals),
 *       {@code base64ChunkLength} (0 or more): signer only.</li>
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
        ImgproxySigner.Builder b = shared(config, ImgproxySigner.builder(config.keys()), true);
        b.base64ChunkLength((int) config.number("base64ChunkLength", 0, 0, Integer.MAX_VALUE));
        String form = config.choice("sourceForm", "base64", Set.of("base64", "plain", "BASE64", "PLAIN"));
        b.sourceForm(form.equalsIgnoreCase("plain") ? ImgproxySigner.SourceForm.PLAIN : ImgproxySigner.SourceForm.BASE64);
        return b.build();
    }

    @Override
    public ImgproxyVerifier verifier(SchemeConfig config) {
        config.requireOnlyOptions(name(), OPTIONS);
        boolean unsigned = config.flag("unsigned", false);
        if (unsigned && config.hasKeys()) {
            throw new IllegalArgumentException("unsigned=true and keys exclude each other");
        }
        ImgproxyVerifier.Builder b = shared(config,
                unsigned ? ImgproxyVerifier.builderWithoutKeys() : ImgproxyVerifier.builder(config.keys()), !unsigned);
        b.maxLength((int) config.number("maxLength", ImgproxyVerifier.DEFAULT_MAX_LENGTH, 1, Integer.MAX_VALUE));
        b.trustedSignatures(config.list("trustedSignatures"));
        String version = config.choice("serverVersion", "v4", Set.of("v3", "v4", "V3", "V4", "3", "4"));
        b.serverVersion(version.endsWith("3") ? ImgproxyServerVersion.V3 : ImgproxyServerVersion.V4);
        return b.build();
    }

    /** The options a signer and a verifier share, read once for both; salts only {@code withSalts}. */
    private static <B extends ImgproxySettings<B>> B shared(SchemeConfig config, B builder, boolean withSalts) {
        if (withSalts) {
            builder.salts(ImgproxyKeys.hexList("salts", salts(config)));
        }
        builder.signatureSize((int) config.number("signatureSize", 32, 1, 32));
        config.option("pathPrefix").ifPresent(builder::pathPrefix);
        config.option("baseUrl").ifPresent(builder::baseUrl);
        return builder;
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
}
