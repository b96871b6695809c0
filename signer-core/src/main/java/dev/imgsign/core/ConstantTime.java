package dev.imgsign.core;

import java.security.MessageDigest;

/** Comparison of MACs whose running time does not depend on where two values first differ. */
public final class ConstantTime {
    private ConstantTime() {
    }

    /**
     * Whether {@code a} and {@code b} hold the same bytes. Delegates to {@link MessageDigest#isEqual},
     * which since JDK 6u17 examines every byte of the expected value whatever the content; only the
     * lengths (public for every scheme here) may end it early. {@code null} equals nothing.
     */
    public static boolean equals(byte[] a, byte[] b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a, b);
    }
}
