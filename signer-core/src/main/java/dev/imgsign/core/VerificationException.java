package dev.imgsign.core;

/** Thrown by {@link Verification#orElseThrow()} for a rejected request. Carries no key material. */
public final class VerificationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Verification.Rejected<?> rejected;

    public VerificationException(Verification.Rejected<?> rejected) {
        super(rejected.reason() + ": " + rejected.detail());
        this.rejected = rejected;
    }

    public Rejection reason() {
        return rejected.reason();
    }

    /** The HTTP status the proxy should answer. */
    public int httpStatus() {
        return rejected.httpStatus();
    }

    public Verification.Rejected<?> rejected() {
        return rejected;
    }
}
