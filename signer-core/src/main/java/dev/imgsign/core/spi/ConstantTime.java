package dev.imgsign.core.spi;

import java.security.MessageDigest;

/**
 * Comparison of MACs whose running time does not depend on where two values first differ.
 *
 * @since 0.1.0
 */
public final class ConstantTime {
    private ConstantTime() {
    }

    /**
     * Whether {@code a} and {@code b} hold the same bytes. Delegates to {@link MessageDigest#isEqual},
     * which since JDK 6u17 examines every byte of the expected value whatever the content; only the
     * lengths (public for every scheme here) may end it early. {@code null} equals nothing.
     *
     * @param a one byte array, or null
     * @param b the other byte array, or null
     * @return whether both are non-null and hold the same bytes
     */
    public static boolean equals(byte[] a, byte[] b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a, b);
    }
}
