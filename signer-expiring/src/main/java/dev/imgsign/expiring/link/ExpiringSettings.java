package dev.imgsign.expiring.link;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.internal.Settings;
import dev.imgsign.expiring.internal.LinkSettings;
import java.time.Clock;

/**
 * The settings an {@link ExpiringLinkSigner} and an {@link ExpiringLinkVerifier} share, declared once:
 * the keys, the clock, the two parameter names and the host. Both builders extend it.
 *
 * @param <B> the concrete builder, returned by every setter
 */
abstract class ExpiringSettings<B extends ExpiringSettings<B>> {
    final KeySet keys;
    Clock clock = Clock.systemUTC();
    String expiresParam = "expires";
    String signatureParam = "signature";
    String host = "";

    ExpiringSettings(KeySet keys) {
        this.keys = LinkSettings.keys(keys);
    }

    /** {@return this builder, as its concrete type} */
    abstract B self();

    /** The check {@code build()} makes: the two parameters need different names. */
    void checkParamNames() {
        Settings.check(!expiresParam.equals(signatureParam), "signatureParam",
                "must differ from expiresParam, both are '" + expiresParam + "'");
    }

    /**
     * Where the current instant comes from: the signer's now for {@code sign(path, validity)}, the
     * verifier's for the expiry check.
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
     * The expiry parameter's name; {@code expires} unless set.
     *
     * @param name 1 to 64 URL-unreserved characters
     * @return this builder
     * @throws IllegalArgumentException if {@code name} is null, empty, too long or has other characters
     */
    public B expiresParam(String name) {
        this.expiresParam = ParamNames.check(name, "expiresParam");
        return self();
    }

    /**
     * The signature parameter's name; {@code signature} unless set.
     *
     * @param name 1 to 64 URL-unreserved characters
     * @return this builder
     * @throws IllegalArgumentException if {@code name} is null, empty, too long or has other characters
     */
    public B signatureParam(String name) {
        this.signatureParam = ParamNames.check(name, "signatureParam");
        return self();
    }

    /**
     * The links' scheme and host, e.g. {@code https://img.example.com}: the signer prepends it to every
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
}
