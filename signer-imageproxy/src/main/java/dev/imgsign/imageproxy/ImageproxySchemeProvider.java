package dev.imgsign.imageproxy;

import dev.imgsign.core.spi.SchemeConfig;
import dev.imgsign.core.spi.SchemeProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code imageproxy} scheme for tools that build signers and verifiers by name.
 *
 * <p>Options: {@code baseUrl} (signer, required; verifier, optional: it then accepts exactly the signer's
 * full URLs), {@code signOptions} ({@code true}/{@code false},
 * default true), {@code remoteUrlForm} ({@code raw}/{@code base64}); verifier: {@code requireSignedOptions}
 * (default false: URL-only signatures are accepted for requests without options only),
 * {@code acceptUrlOnlySignaturesWithOptions} (default false; {@code true} is the server's insecure
 * behaviour, see {@link ImageproxyVerifier.Builder#acceptUrlOnlySignaturesWithOptions}), {@code allowHosts},
 * {@code denyHosts}, {@code referrers} (comma-separated), {@code maxLength}. A verifier needs keys unless
 * {@code allowHosts} is given.
 *
 * @since 0.1.0
 */
public final class ImageproxySchemeProvider implements SchemeProvider {
    private static final Set<String> OPTIONS = Set.of("baseUrl", "signOptions", "remoteUrlForm",
            "requireSignedOptions", "acceptUrlOnlySignaturesWithOptions", "allowHosts", "denyHosts", "referrers", "maxLength");

    /** Used by {@link java.util.ServiceLoader}. */
    public ImageproxySchemeProvider() {
    }

    @Override
    public String name() {
        return "imageproxy";
    }

    @Override
    public String description() {
        return "willnorris/imageproxy: HMAC-SHA256 over the remote URL and canonical options";
    }

    @Override
    public Set<String> optionNames() {
        return OPTIONS;
    }

    @Override
    public ImageproxySigner signer(SchemeConfig config) {
        config.requireOnlyOptions(name(), OPTIONS);
        ImageproxySigner.Builder b = ImageproxySigner.builder().keys(config.keys())
                .baseUrl(config.option("baseUrl").orElseThrow(
                        () -> new IllegalArgumentException("scheme imageproxy needs option baseUrl")));
        config.option("signOptions").ifPresent(v -> b.signOptions(bool("signOptions", v)));
        config.option("remoteUrlForm").ifPresent(v -> {
            switch (v.toLowerCase(Locale.ROOT)) {
                case "raw" -> b.remoteUrlForm(ImageproxySigner.RemoteUrlForm.RAW);
                case "base64" -> b.remoteUrlForm(ImageproxySigner.RemoteUrlForm.BASE64);
                default -> throw new IllegalArgumentException("remoteUrlForm must be raw or base64, got '" + v + "'");
            }
        });
        return b.build();
    }

    @Override
    public ImageproxyVerifier verifier(SchemeConfig config) {
        config.requireOnlyOptions(name(), OPTIONS);
        ImageproxyVerifier.Builder b = ImageproxyVerifier.builder().clock(config.clock());
        config.option("baseUrl").ifPresent(b::baseUrl);
        if (config.hasKeys()) {
            b.keys(config.keys());
        }
        config.option("requireSignedOptions").ifPresent(v -> b.requireSignedOptions(bool("requireSignedOptions", v)));
        config.option("acceptUrlOnlySignaturesWithOptions").ifPresent(
                v -> b.acceptUrlOnlySignaturesWithOptions(bool("acceptUrlOnlySignaturesWithOptions", v)));
        config.option("allowHosts").ifPresent(v -> b.allowHosts(list(v)));
        config.option("denyHosts").ifPresent(v -> b.denyHosts(list(v)));
        config.option("referrers").ifPresent(v -> b.referrers(list(v)));
        config.option("maxLength").ifPresent(v -> {
            try {
                b.maxLength(Integer.parseInt(v.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("maxLength must be a positive integer, got '" + v + "'");
            }
        });
        try {
            return b.build();
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static boolean bool(String name, String value) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new IllegalArgumentException(name + " must be true or false, got '" + value + "'");
        }
    }

    private static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start <= value.length()) {
            int comma = value.indexOf(',', start);
            int end = comma < 0 ? value.length() : comma;
            String t = value.substring(start, end).trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
            start = end + 1;
        }
        return out;
    }
}
