package dev.imgsign.expiring.link;

/** Byte helpers for the expiring verifier's one-pass reading of an ASCII target (see its {@code verifyPlain}). */
final class PlainTarget {
    /**
     * 1 for a byte that does not decode to itself in a query name or value or is a separator, else 0: query
     * characters are printable ASCII except an escape, a '+', a fragment's '#' and the separators '&amp;' and '='.
     */
    private static final byte[] NOT_QUERY = new byte[256];
    /** As {@link #NOT_QUERY} with '=' admitted: the bytes of a value. */
    private static final byte[] NOT_VALUE = new byte[256];

    static {
        for (int c = 0; c < 256; c++) {
            NOT_QUERY[c] = (byte) (c >= 0x21 && c < 0x7f && "%+#&=".indexOf(c) < 0 ? 0 : 1);
            NOT_VALUE[c] = (byte) (c == '=' ? 0 : NOT_QUERY[c]);
        }
    }

    /**
     * Whether the pair {@code t[from, stop)}, whose name ends at {@code nameEnd} (its first '=' or
     * {@code stop}), holds only bytes that decode to themselves: query characters, and '=' after the
     * name's end. The caller found no '&amp;' there.
     */
    static boolean isPlainPair(byte[] t, int from, int nameEnd, int stop) {
        // Without a branch per byte.
        int bad = 0;
        for (int i = from; i < nameEnd; i++) {
            bad |= NOT_QUERY[t[i] & 0xff];
        }
        for (int i = nameEnd; i < stop; i++) {
            bad |= NOT_VALUE[t[i] & 0xff];
        }
        return bad == 0;
    }

    private PlainTarget() {
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
