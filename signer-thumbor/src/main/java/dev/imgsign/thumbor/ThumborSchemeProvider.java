package dev.imgsign.thumbor;

import dev.imgsign.core.spi.SchemeConfig;
import dev.imgsign.core.spi.SchemeProvider;
import java.util.Set;

/**
 * The {@code thumbor} scheme for tools that build signers and verifiers by name. Keys are thumbor's
 * {@code SECURITY_KEY} (UTF-8); older keys in the key set keep verifying (rotation). Options:
 * <ul>
 *   <li>{@code prefix} (signer and verifier): what signed URLs start with, e.g.
 *       {@code https://thumbor.example.org}; the verifier then also accepts the signer's full URLs;
 *       default empty;</li>
 *   <li>{@code allowUnsafe} (verifier): {@code true} | {@code false} (the one boolean rule of
 *       {@link SchemeConfig#flag}), thumbor's {@code ALLOW_UNSAFE_URL};
 *       default {@code false} (thumbor's default is {@code True});</li>
 *   <li>{@code allowedSources} (verifier): comma-separated lower-case image hosts, thumbor's
 *       {@code ALLOWED_SOURCES} in its plain-host form; default empty (any host);</li>
 *   <li>{@code maxLength} (verifier): longest request target accepted; default 8192.</li>
 * </ul>
 *
 * @since 0.1.0
 */
public final class ThumborSchemeProvider implements SchemeProvider {
    private static final Set<String> OPTIONS = Set.of("prefix", "allowUnsafe", "allowedSources", "maxLength");

    /** Called by {@link java.util.ServiceLoader}. */
    public ThumborSchemeProvider() {
    }

    @Override
    public String name() {
        return "thumbor";
    }

    @Override
    public String description() {
        return "thumbor: URL-safe base64 (padded) HMAC-SHA1 of the path after the signature";
    }

    @Override
    public Set<String> optionNames() {
        return OPTIONS;
    }

    @Override
    public ThumborSigner signer(SchemeConfig config) {
        config.requireOnlyOptions(name(), OPTIONS);
        return shared(config, ThumborSigner.builder(config.keys())).build();
    }

    @Override
    public ThumborVerifier verifier(SchemeConfig config) {
        config.requireOnlyOptions(name(), OPTIONS);
        return shared(config, ThumborVerifier.builder(config.keys()))
                .allowUnsafe(config.flag("allowUnsafe", false))
                .allowedSources(config.list("allowedSources"))
                .maxLength((int) config.number("maxLength", ThumborVerifier.DEFAULT_MAX_LENGTH, 1, Integer.MAX_VALUE))
                .build();
    }

    /** The options a signer and a verifier share, read once for both. */
    private static <B extends ThumborSettings<B>> B shared(SchemeConfig config, B builder) {
        config.option("prefix").ifPresent(builder::prefix);
        return builder;
    }
}
