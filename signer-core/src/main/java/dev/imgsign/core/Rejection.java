package dev.imgsign.core;

/**
 * Why a verifier refused a request, with the HTTP status a proxy answers by default.
 * Schemes whose real server answers otherwise (Camo answers 404 to everything) say so in
 * {@link Verification.Rejected#httpStatus()}.
 *
 * @since 0.1.0
 */
public enum Rejection {
    /**
     * The request does not have the scheme's shape: missing parts, bad encoding, unparsable values,
     * raw control characters.
     */
    MALFORMED(400),
    /** The shape is right but no configured key produced the signature. */
    BAD_SIGNATURE(403),
    /** The link's validity ended. */
    EXPIRED(410),
    /** The link's validity has not started (for example a key of a week still to come). */
    NOT_YET_VALID(403),
    /**
     * The target host or the {@code Referer} is not allowed by a configured host list or referrer
     * policy, decided without regard to the signature.
     */
    HOST_NOT_ALLOWED(403),
    /**
     * The signature verified, but the scheme refuses the signed target by policy (a scheme other than
     * http or https, no host, userinfo, a private or special-purpose address): the application signed
     * something the proxy will never fetch. Distinct from {@link #MALFORMED} (not the scheme's shape)
     * and {@link #BAD_SIGNATURE} (no key produced the signature), so an operator can tell an application
     * bug from garbage or forgery.
     *
     * @since 0.1.0
     */
    TARGET_REFUSED(403),
    /** The request target is longer than the verifier accepts. */
    TOO_LONG(414);

    private final int defaultHttpStatus;

    Rejection(int defaultHttpStatus) {
        this.defaultHttpStatus = defaultHttpStatus;
    }

    /** {@return the status a proxy answers unless the scheme's server answers another} */
    public int defaultHttpStatus() {
        return defaultHttpStatus;
    }
}
