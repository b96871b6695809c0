package dev.imgsign.expiring.link;

/** Byte helpers for the expiring verifier's one-pass reading of an ASCII target (see its {@code verifyPlain}). */
final class PlainTarget {
    private static final boolean[] QUERY = new boolean[128];

    static {
        for (char c = 0x21; c < 0x7f; c++) {
            // Copied as is by the query decoding: not an escape, not a '+', not a fragment; '&' and '=' are
            // the separators the caller handles.
            QUERY[c] = "%+#&=".indexOf(c) < 0;
        }
    }

    private PlainTarget() {
    }

    /** {@code c}, an ASCII byte, decodes to itself in a query name or value and is no separator. */
    static boolean isQueryChar(byte c) {
        return QUERY[c & 0x7f];
    }

    /** Whether {@code t[from, to)} holds exactly {@code name}. */
    static boolean equals(byte[] t, int from, int to, byte[] name) {
        if (to - from != name.length) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (t[from + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    /** {@code t[from, to)} as canonical decimal seconds (digits, no leading zero unless "0", ≤ 18 digits), else -1. */
    static long canonicalSeconds(byte[] t, int from, int to) {
        int n = to - from;
        if (n == 0 || n > 18 || (n > 1 && t[from] == '0')) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            byte c = t[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
