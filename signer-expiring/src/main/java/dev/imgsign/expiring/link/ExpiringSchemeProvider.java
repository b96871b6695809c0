package dev.imgsign.expiring.link;

import dev.imgsign.core.UrlSigner;
import dev.imgsign.core.UrlVerifier;
import dev.imgsign.core.spi.SchemeConfig;
import dev.imgsign.core.spi.SchemeProvider;
import dev.imgsign.expiring.aurelia.AureliaLinkSigner;
import dev.imgsign.expiring.aurelia.AureliaLinkVerifier;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Scheme {@code expiring}: generic expiring links. Option {@code format}: {@code hmac} (default, the
 * recommended {@link ExpiringLinkSigner} scheme) or {@code aurelia} (seed 001's format, costly to
 * verify). Other options: {@code expiresParam}, {@code signatureParam}, {@code leewaySeconds}
 * ({@code hmac} only), {@code expiredStatus}, {@code host} (signer; verifier: it then also accepts the
 * signer's full links), {@code maxLength}; and for {@code aurelia}
 * only: {@code maxValiditySeconds} (signer and verifier, default 604800 = 7 days, see
 * {@link AureliaLinkVerifier}), {@code acceptNonCanonicalExpiry} and {@code signatureBeforeExpiry}
 * (verifier, default {@code false}; {@code true} answers exactly as seed 001's server).
 *
 * @since 0.1.0
 */
public final class ExpiringSchemeProvider implements SchemeProvider {
    private static final Set<String> OPTIONS = Set.of("format", "expiresParam", "signatureParam", "leewaySeconds",
            "expiredStatus", "host", "maxLength", "maxValiditySeconds", "acceptNonCanonicalExpiry",
            "signatureBeforeExpiry");
    private static final Set<String> HMAC_OPTIONS = Set.of("format", "expiresParam", "signatureParam",
            "leewaySeconds", "expiredStatus", "host", "maxLength");
    private static final Set<String> AURELIA_OPTIONS = Set.of("format", "expiredStatus", "host", "maxLength",
            "maxValiditySeconds", "acceptNonCanonicalExpiry", "signatureBeforeExpiry");

    /** The provider {@link java.util.ServiceLoader} instantiates; it holds no state. */
    public ExpiringSchemeProvider() {
        // Nothing to set up: every signer and verifier is built from its SchemeConfig.
    }

    @Override
    public String name() {
        return "expiring";
    }

    @Override
    public String description() {
        return "Expiring links: ?expires=&signature= (HMAC-SHA256), or seed 001's aurelia format";
    }

    @Override
    public Set<String> optionNames() {
        return OPTIONS;
    }

    @Override
    public UrlSigner<?> signer(SchemeConfig config) {
        if (aurelia(config)) {
            AureliaLinkSigner.Builder b = AureliaLinkSigner.builder(config.keys()).clock(config.clock());
            config.option("host").ifPresent(b::host);
            maxValidity(config).ifPresent(b::maxValidity);
            return b.build();
        }
        return shared(ExpiringLinkSigner.builder(config.keys()), config).build();
    }

    @Override
    public UrlVerifier<?> verifier(SchemeConfig config) {
        if (aurelia(config)) {
            AureliaLinkVerifier.Builder b = AureliaLinkVerifier.builder(config.keys()).clock(config.clock());
            config.option("host").ifPresent(b::host);
            maxValidity(config).ifPresent(b::maxValidity);
            // The builder's own defaults; the builder judges the range and names the setting.
            config.option("expiredStatus").ifPresent(v -> b.expiredStatus(integer(config, "expiredStatus")));
            config.option("maxLength").ifPresent(v -> b.maxLength(integer(config, "maxLength")));
            return b.acceptNonCanonicalExpiry(config.flag("acceptNonCanonicalExpiry", false))
                    .signatureBeforeExpiry(config.flag("signatureBeforeExpiry", false))
                    .build();
        }
        ExpiringLinkVerifier.Builder b = shared(ExpiringLinkVerifier.builder(config.keys()), config);
        b.leewaySeconds(config.number("leewaySeconds", b.leewaySeconds, 0, 86_400));
        config.option("expiredStatus").ifPresent(v -> b.expiredStatus(integer(config, "expiredStatus")));
        config.option("maxLength").ifPresent(v -> b.maxLength(integer(config, "maxLength")));
        return b.build();
    }

    /** The options an expiring signer and verifier share, read once for both builders. */
    private static <B extends ExpiringSettings<B>> B shared(B b, SchemeConfig config) {
        config.option("expiresParam").ifPresent(b::expiresParam);
        config.option("signatureParam").ifPresent(b::signatureParam);
        config.option("host").ifPresent(b::host);
        return b.clock(config.clock());
    }

    private static Optional<Duration> maxValidity(SchemeConfig config) {
        return config.option("maxValiditySeconds")
                .map(v -> Duration.ofSeconds(config.number("maxValiditySeconds", 0, 1, Long.MAX_VALUE)));
    }

    /** A whole-number option in int range; its scheme-specific range is the builder's to check. */
    private static int integer(SchemeConfig config, String name) {
        return Math.toIntExact(config.number(name, 0, Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    private boolean aurelia(SchemeConfig config) {
        config.requireOnlyOptions(name(), OPTIONS);
        boolean aurelia = config.choice("format", "hmac", Set.of("hmac", "aurelia")).equals("aurelia");
        config.requireOnlyOptions(name() + " (format " + (aurelia ? "aurelia" : "hmac") + ")",
                aurelia ? AURELIA_OPTIONS : HMAC_OPTIONS);
        return aurelia;
    }
}
