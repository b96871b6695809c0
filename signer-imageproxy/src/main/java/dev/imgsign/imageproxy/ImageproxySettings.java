package dev.imgsign.imageproxy;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.internal.Settings;
import java.time.Clock;

/**
 * The settings an {@link ImageproxySigner} and an {@link ImageproxyVerifier} share, declared once: the keys
 * (the builders' argument), the proxy's base URL and the clock {@code vu} is compared with.
 *
 * @param <B> the concrete builder, returned by every setter
 */
abstract class ImageproxySettings<B extends ImageproxySettings<B>> {
    final KeySet keys; // null only for a verifier built without keys
    String baseUrl; // null until set: required for a signer, empty for a verifier
    Clock clock = Clock.systemUTC();

    ImageproxySettings(KeySet keys) {
        this.keys = keys;
    }

    private B self() {
        @SuppressWarnings("unchecked")
        B b = (B) this;
        return b;
    }

    /**
     * The proxy's base URL, e.g. {@code https://img.example.com} (trailing {@code /} removed). A signer
     * prefixes its URLs with it and requires it (the empty string yields path-only URLs
     * {@code /100x100,s…/https://…} for pages served by the proxy's own host); a verifier given it accepts
     * exactly the signer's full URLs: an input starting with it (byte for byte) followed by {@code /} or
     * {@code ?} is verified without it, anything else as a request target (default: empty).
     *
     * @param baseUrl the proxy's base URL, or empty
     * @return this builder
     * @throws IllegalArgumentException if it is null or carries a query or fragment
     */
    public B baseUrl(String baseUrl) {
        String b = Settings.required(baseUrl, "baseUrl");
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        Settings.check(b.indexOf('?') < 0 && b.indexOf('#') < 0, "baseUrl",
                "must not have a query or fragment: " + baseUrl);
        this.baseUrl = b;
        return self();
    }

    /**
     * The clock {@code vu} is compared with (default: the UTC system clock): a signer refuses to make a link
     * whose {@code vu} has passed, a verifier refuses such a link as expired.
     *
     * @param clock the source of the current time
     * @return this builder
     * @throws IllegalArgumentException if it is null
     */
    public B clock(Clock clock) {
        this.clock = Settings.required(clock, "clock");
        return self();
    }
}
