package dev.imgsign.imageproxy;

import dev.imgsign.core.spi.SchemeConfig;
import dev.imgsign.core.spi.SchemeProvider;
import java.util.Set;

/**
 * The {@code imageproxy} scheme for tools that build signers and verifiers by name.
 *
 * <p>Options: {@code baseUrl} (signer, required; verifier, optional: it then accepts exactly the signer's
 * full URLs), {@code signOptions} (default true), {@code remoteUrlForm} ({@code raw}/{@code base64}, or
 * {@code RAW}/{@code BASE64}); verifier: {@code requireSignedOptions}
 * (default false: URL-only signatures are accepted for requests without options only),
 * {@code acceptUrlOnlySignaturesWithOptions} (default false; {@code true} is the server's insecure
 * behaviour, see {@link ImageproxyVerifier.Builder#acceptUrlOnlySignaturesWithOptions}), {@code allowHosts},
 * {@code denyHosts}, {@code referrers} (comma-separated lists), {@code maxLength} (at least 1). Flags are
 * {@code true} or {@code false} (the one rule of {@link SchemeConfig#flag}); an unknown option or a malformed
 * value is an {@link IllegalArgumentException} naming it. A verifier needs keys unless {@code allowHosts} is
 * given.
 *
 * @since 0.1.0
 */
public final class ImageproxySchemeProvider implements SchemeProvider {
    private static final Set<String> OPTIONS = Set.of("baseUrl", "signOptions", "remoteUrlForm",
            "requireSignedOptions", "acceptUrlOnlySignaturesWithOptions", "allowHosts", "denyHosts", "referrers", "maxLength");

    /** The values of {@code remoteUrlForm}: lower case, or the enum's names. */
    private static final Set<String> FORMS = Set.of("raw", "base64", "RAW", "BASE64");

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
        String baseUrl = config.option("baseUrl").orElseThrow(
                () -> new IllegalArgumentException("scheme imageproxy needs option baseUrl"));
        String form = config.choice("remoteUrlForm", "raw", FORMS);
        return ImageproxySigner.builder(config.keys()).baseUrl(baseUrl).clock(config.clock())
                .signOptions(config.flag("signOptions", true))
                .remoteUrlForm(form.equalsIgnoreCase("base64") ? ImageproxySigner.RemoteUrlForm.BASE64
                        : ImageproxySigner.RemoteUrlForm.RAW)
                .build();
    }

    @Override
    public ImageproxyVerifier verifier(SchemeConfig config) {
        config.requireOnlyOptions(name(), OPTIONS);
        ImageproxyVerifier.Builder b = config.hasKeys() ? ImageproxyVerifier.builder(config.keys())
                : ImageproxyVerifier.builderWithoutKeys();
        config.option("baseUrl").ifPresent(b::baseUrl);
        return b.clock(config.clock())
                .requireSignedOptions(config.flag("requireSignedOptions", false))
                .acceptUrlOnlySignaturesWithOptions(config.flag("acceptUrlOnlySignaturesWithOptions", false))
                .allowHosts(config.list("allowHosts"))
                .denyHosts(config.list("denyHosts"))
                .referrers(config.list("referrers"))
                .maxLength((int) config.number("maxLength", ImageproxyVerifier.DEFAULT_MAX_LENGTH, 1, Integer.MAX_VALUE))
                .build();
    }
}
