package dev.imgsign.expiring.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The expiry arithmetic the expiring and aurelia links share. Not public API. */
public final class Expiry {
    private Expiry() {
    }

    /**
     * Whether {@code now} is strictly after the whole second {@code epochSecond}: the last second of
     * validity is still valid, to its end.
     *
     * @param now the current instant
     * @param epochSecond the last valid second, Unix time
     * @return whether the link is past its validity
     */
    public static boolean isAfter(Instant now, long epochSecond) {
        return now.getEpochSecond() > epochSecond || (now.getEpochSecond() == epochSecond && now.getNano() > 0);
    }

    /**
     * {@code a + b}, or {@code Long.MAX_VALUE} when that overflows.
     *
     * @param a a non-negative number
     * @param b a non-negative number
     * @return the sum, saturated
     */
    public static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    /**
     * The expiry (Unix seconds) of a link made now for {@code validity}.
     *
     * @param clock the signer's clock
     * @param validity how long the link stays valid
     * @return the clock's now plus {@code validity}, whole seconds
     * @throws IllegalArgumentException if {@code validity} is null or negative
     * @throws ArithmeticException if the expiry overflows
     */
    public static long after(Clock clock, Duration validity) {
        if (validity == null) {
            throw new IllegalArgumentException("validity is null");
        }
        if (validity.isNegative()) {
            throw new IllegalArgumentException("validity must not be negative");
        }
        return Math.addExact(clock.instant().getEpochSecond(), validity.getSeconds());
    }
}
