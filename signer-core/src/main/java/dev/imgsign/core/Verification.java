package dev.imgsign.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link UrlVerifier#verify}: {@link Accepted} with the scheme's decoded request, or
 * {@link Rejected} with a reason. Switch over it, or use {@link #orElseThrow()}.
 *
 * @param <R> the scheme's decoded request
 *
 * @since 0.1.0
 */
public sealed interface Verification<R> permits Verification.Accepted, Verification.Rejected {

    /**
     * The request verified.
     *
     * @param request the decoded request (for Camo, the target URL)
     * @param keyIndex the index in the {@link KeySet} of the key that matched, 0 for the primary, or
     *     -1 where the scheme accepted without a signature (an imageproxy allow-listed host)
     * @param keyId that key's {@linkplain SigningKey#id() id}, or the empty string
     */
    record Accepted<R>(R request, int keyIndex, String keyId) implements Verification<R> {
        /** Checks that neither the request nor the key id is null. */
        public Accepted {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(keyId, "keyId");
        }
    }

    /**
     * The request was refused.
     *
     * @param reason why
     * @param detail a short explanation safe to log: never a key, never the expected signature
     * @param httpStatus what the scheme's server answers for this rejection
     */
    record Rejected<R>(Rejection reason, String detail, int httpStatus) implements Verification<R> {
        /** Checks that neither the reason nor the detail is null. */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * An acceptance by key {@code keyIndex} of {@code keys}.
     *
     * @param <R> the scheme's decoded request
     * @param request the decoded request
     * @param keys the verifier's keys
     * @param keyIndex the index of the key that matched
     * @return the acceptance, with that key's id
     */
    static <R> Verification<R> accepted(R request, KeySet keys, int keyIndex) {
        return new Accepted<>(request, keyIndex, keys.keys().get(keyIndex).id());
    }

    /**
     * An acceptance that involved no key.
     *
     * @param <R> the scheme's decoded request
     * @param request the decoded request
     * @return the acceptance, key index -1
     */
    static <R> Verification<R> acceptedWithoutKey(R request) {
        return new Accepted<>(request, -1, "");
    }

    /**
     * A rejection answered with the reason's default status.
     *
     * @param <R> the scheme's decoded request
     * @param reason why
     * @param detail a short explanation safe to log
     * @return the rejection
     */
    static <R> Verification<R> rejected(Rejection reason, String detail) {
        return new Rejected<>(reason, detail, reason.defaultHttpStatus());
    }

    /**
     * A rejection answered with {@code httpStatus}, where the scheme's server differs from the default.
     *
     * @param <R> the scheme's decoded request
     * @param reason why
     * @param detail a short explanation safe to log
     * @param httpStatus what the scheme's server answers
     * @return the rejection
     */
    static <R> Verification<R> rejected(Rejection reason, String detail, int httpStatus) {
        return new Rejected<>(reason, detail, httpStatus);
    }

    /** {@return whether the request was accepted} */
    default boolean isAccepted() {
        return this instanceof Accepted;
    }

    /** {@return the decoded request if accepted} */
    default Optional<R> acceptedRequest() {
        return this instanceof Accepted<R> a ? Optional.of(a.request()) : Optional.empty();
    }

    /** {@return the rejection reason if rejected} */
    default Optional<Rejection> rejection() {
        return this instanceof Rejected<R> r ? Optional.of(r.reason()) : Optional.empty();
    }

    /**
     * The decoded request, or a {@link VerificationException} carrying the rejection.
     *
     * @return the decoded request
     * @throws VerificationException if the request was rejected
     */
    default R orElseThrow() {
        if (this instanceof Accepted<R> a) {
            return a.request();
        }
        throw new VerificationException((Rejected<?>) this);
    }
}
