package dev.imgsign.expiring.aurelia;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.internal.Settings;
import dev.imgsign.expiring.internal.LinkSettings;
import java.time.Clock;
import java.time.Duration;

/**
 * The settings an {@link AureliaLinkSigner} and an {@link AureliaLinkVerifier} share, declared once: the
 * keys, the clock, the host and the longest validity. Both builders extend it.
 *
 * @param <B> the concrete builder, returned by every setter
 */
abstract class AureliaSettings<B extends AureliaSettings<B>> {
    final KeySet keys;
    Clock clock = Clock.systemUTC();
    String host = "";
    long maxValiditySeconds = AureliaLinkVerifier.DEFAULT_MAX_VALIDITY.getSeconds();

    AureliaSettings(KeySet keys) {
        this.keys = LinkSettings.keys(keys);
    }

    /** {@return this builder, as its concrete type} */
    abstract B self();

    /**
     * Where the current instant comes from: the signer's now for {@code sign(path, validity)} and the
     * validity window, the verifier's for the expiry and the window.
     *
     * @param clock the source of the current time
     * @return this builder
     * @throws IllegalArgumentException if {@code clock} is null
     */
    public B clock(Clock clock) {
        this.clock = Settings.required(clock, "clock");
        return self();
    }

    /**
     * The links' scheme and host, e.g. {@code http://localhost:8080}: the signer prepends it to every
     * signed path; the verifier then also accepts the signer's full links (an input starting with it,
     * byte for byte, followed by {@code /} or {@code ?} is verified without it). One trailing {@code /}
     * is dropped. Default: empty (path-only links, request targets only).
     *
     * @param host the scheme and host, or empty
     * @return this builder
     * @throws IllegalArgumentException if {@code host} is null
     */
    public B host(String host) {
        this.host = LinkSettings.host(host);
        return self();
    }

    /**
     * The longest validity, counted from the clock's now: the signer makes no longer link, the verifier
     * refuses (403) an {@code expires_at} further ahead before any PBKDF2 work, which closes the
     * credential ambiguity described on {@link AureliaLinkVerifier}. Keep signer and verifier equal.
     * Default {@link AureliaLinkVerifier#DEFAULT_MAX_VALIDITY} (7 days). Whole seconds, at least one.
     *
     * @param maxValidity the longest validity, whole seconds
     * @return this builder
     * @throws IllegalArgumentException if {@code maxValidity} is null or shorter than one second
     */
    public B maxValidity(Duration maxValidity) {
        this.maxValiditySeconds = LinkSettings.maxValiditySeconds(maxValidity);
        return self();
    }
}
