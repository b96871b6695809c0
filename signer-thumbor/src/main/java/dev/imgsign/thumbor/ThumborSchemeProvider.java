package dev.imgsign.thumbor;

import dev.imgsign.core.spi.SchemeConfig;
import dev.imgsign.core.spi.SchemeProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code thumbor} scheme for tools that build signers and verifiers by name. Keys are thumbor's
 * {@code SECURITY_KEY} (UTF-8); older keys in the key set keep verifying (rotation). Options:
 * <ul>
 *   <li>{@code prefix} (signer and verifier): what signed URLs start with, e.g.
 *       {@code https://thumbor.example.org}; the verifier then also accepts the signer's full URLs;
 *       default empty;</li>
 *   <li>{@code allowUnsafe} (verifier): {@code true} | {@code false}, thumbor's {@code ALLOW_UNSAFE_URL};
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
        ThumborSigner.Builder builder = ThumborSigner.builder(config.keys());
        config.option("prefix").ifPresent(builder::prefix);
        return builder.build();
    }

    @Override
    public ThumborVerifier verifier(SchemeConfig config) {
        config.requireOnlyOptions(name(), OPTIONS);
        ThumborVerifier.Builder builder = ThumborVerifier.builder(config.keys());
        config.option("prefix").ifPresent(builder::prefix);
        config.option("allowUnsafe").ifPresent(v -> builder.allowUnsafe(bool("allowUnsafe", v)));
        config.option("allowedSources").ifPresent(v -> builder.allowedSources(list(v)));
        config.option("maxLength").ifPresent(v -> builder.maxLength(positiveInt("maxLength", v)));
        return builder.build();
    }

    private static boolean bool(String name, String value) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new IllegalArgumentException("thumbor option " + name + " must be true or false, got '"
                        + value + "'");
        }
    }

    private static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String host = part.trim();
            if (!host.isEmpty()) {
                out.add(host);
            }
        }
        return out;
    }

    private static int positiveInt(String name, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw new IllegalArgumentException("thumbor option " + name + " must be a positive integer, got '"
                + value + "'");
    }
}
