package dev.imgsign.core;

/**
 * Why a verifier refused a request, with the HTTP status a proxy answers by default.
 * Schemes whose real server answers otherwise (Camo answers 404 to everything) say so in
 * {@link Verification.Rejected#httpStatus()}.
 *
 * @since 0.1.0
 */
public enum Rejection {
    /** The request does not have the scheme's shape: missing parts, bad encoding, unparsable values. */
    MALFORMED(400),
    /** The shape is right but no configured key produced the signature. */
    BAD_SIGNATURE(403),
    /** The link's validity ended. */
    EXPIRED(410),
    /** The link's validity has not started (for example a key of a week still to come). */
    NOT_YET_VALID(403),
    /** The target host or the referrer is not allowed by policy. */
    HOST_NOT_ALLOWED(403),
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
