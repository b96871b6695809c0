package dev.imgsign.core;

/**
 * Thrown by {@link Verification#orElseThrow()} for a rejected request. Carries no key material.
 *
 * @since 0.1.0
 */
public final class VerificationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Verification.Rejected<?> rejected;

    /**
     * An exception for {@code rejected}; its message is the reason and the detail.
     *
     * @param rejected the rejection
     */
    public VerificationException(Verification.Rejected<?> rejected) {
        super(rejected.reason() + ": " + rejected.detail());
        this.rejected = rejected;
    }

    /** {@return why the request was rejected} */
    public Rejection reason() {
        return rejected.reason();
    }

    /** {@return the HTTP status the proxy should answer} */
    public int httpStatus() {
        return rejected.httpStatus();
    }

    /** {@return the rejection} */
    public Verification.Rejected<?> rejected() {
        return rejected;
    }
}
