package dev.imgsign.peer.go;

/**
 * How imageproxy decides that {@code vu} has passed: Go's {@code time.Now().After(time.Unix(vu, 0))},
 * computed in Go's internal frame of seconds since year 1 with int64 arithmetic that wraps. Not public API: it
 * may change without notice.
 */
public final class GoTime {
    /** Seconds from Go's internal year-1 epoch to the unix epoch. */
    public static final long UNIX_TO_INTERNAL = 62135596800L;

    private GoTime() {
    }

    /** Whether the server refuses {@code vu} (unix seconds, non-zero) at unix second {@code now}. */
    public static boolean expired(long validUntil, long now) {
        // Both sides move into Go's frame; a vu within UNIX_TO_INTERNAL of 2^63 wraps negative and counts as past.
        return now + UNIX_TO_INTERNAL >= validUntil + UNIX_TO_INTERNAL;
    }

    /** Whether {@code vu} wraps in Go's frame, so that the server treats it as long past whatever the time. */
    public static boolean wraps(long validUntil) {
        return validUntil + UNIX_TO_INTERNAL < validUntil;
    }
}
