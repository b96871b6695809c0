package dev.imgsign.expiring;

import dev.imgsign.core.spi.SchemeConfig;
import dev.imgsign.core.spi.SchemeProvider;
import dev.imgsign.core.UrlSigner;
import dev.imgsign.core.UrlVerifier;
import java.time.Duration;
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
            AureliaLinkSigner.Builder b = AureliaLinkSigner.builder().keys(config.keys()).clock(config.clock());
            config.option("host").ifPresent(b::host);
            Options.number(config, "maxValiditySeconds").ifPresent(v -> b.maxValidity(Duration.ofSeconds(v)));
            return b.build();
        }
        ExpiringLinkSigner.Builder b = ExpiringLinkSigner.builder().keys(config.keys()).clock(config.clock());
        config.option("expiresParam").ifPresent(b::expiresParam);
        config.option("signatureParam").ifPresent(b::signatureParam);
        config.option("host").ifPresent(b::host);
        return b.build();
    }

    @Override
    public UrlVerifier<?> verifier(SchemeConfig config) {
        if (aurelia(config)) {
            AureliaLinkVerifier.Builder b = AureliaLinkVerifier.builder().keys(config.keys()).clock(config.clock());
            config.option("host").ifPresent(b::host);
            Options.number(config, "expiredStatus").ifPresent(v -> b.expiredStatus(Math.toIntExact(v)));
            Options.number(config, "maxLength").ifPresent(v -> b.maxLength(Math.toIntExact(v)));
            Options.number(config, "maxValiditySeconds").ifPresent(v -> b.maxValidity(Duration.ofSeconds(v)));
            Options.bool(config, "acceptNonCanonicalExpiry").ifPresent(b::acceptNonCanonicalExpiry);
            Options.bool(config, "signatureBeforeExpiry").ifPresent(b::signatureBeforeExpiry);
            return b.build();
        }
        ExpiringLinkVerifier.Builder b = ExpiringLinkVerifier.builder().keys(config.keys()).clock(config.clock());
        config.option("host").ifPresent(b::host);
        config.option("expiresParam").ifPresent(b::expiresParam);
        config.option("signatureParam").ifPresent(b::signatureParam);
        Options.number(config, "leewaySeconds").ifPresent(b::leewaySeconds);
        Options.number(config, "expiredStatus").ifPresent(v -> b.expiredStatus(Math.toIntExact(v)));
        Options.number(config, "maxLength").ifPresent(v -> b.maxLength(Math.toIntExact(v)));
        return b.build();
    }

    private boolean aurelia(SchemeConfig config) {
        config.requireOnlyOptions(name(), OPTIONS);
        String format = config.option("format").orElse("hmac");
        if (format.equals("aurelia")) {
            config.requireOnlyOptions(name() + " (format aurelia)", AURELIA_OPTIONS);
            return true;
        }
        if (!format.equals("hmac")) {
            throw new IllegalArgumentException("option format must be 'hmac' or 'aurelia', got '" + format + "'");
        }
        config.requireOnlyOptions(name() + " (format hmac)", HMAC_OPTIONS);
        return false;
    }
}
