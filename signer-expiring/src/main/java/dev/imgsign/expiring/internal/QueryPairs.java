package dev.imgsign.expiring.internal;

import dev.imgsign.core.internal.Percent;

/**
 * Splitting of a raw query into {@code name=value} pairs, shared by the verifiers: pairs end at
 * {@code &}, a name ends at the pair's first {@code =}, and both are form-decoded ({@code +} is a
 * space). What to do with an empty pair, a bad escape or a stray character is each verifier's rule.
 * Index arithmetic over the request target: nothing is allocated but the decoded bytes. Not public API.
 */
public final class QueryPairs {
    private QueryPairs() {
    }

    /** The end of the pair starting at {@code start}: the next {@code &} before {@code end}, or {@code end}. */
    public static int pairEnd(String s, int start, int end) {
        int amp = s.indexOf('&', start);
        return amp < 0 || amp > end ? end : amp;
    }

    /** The end of the name of the pair {@code s[start, stop)}: its first {@code =}, or {@code stop}. */
    public static int nameEnd(String s, int start, int stop) {
        int eq = indexOf(s, '=', start, stop);
        return eq < 0 ? stop : eq;
    }

    /** Where the value starts after a name ending at {@code nameEnd}: past the {@code =}, or {@code stop}. */
    public static int valueStart(int nameEnd, int stop) {
        return nameEnd == stop ? stop : nameEnd + 1;
    }

    /** The form-decoded bytes of {@code s[from, to)}, or {@code null} on a bad escape. */
    public static byte[] decode(String s, int from, int to) {
        return Percent.decode(s, from, to, true);
    }

    /** Whether {@code s[from, to)} contains {@code c}. */
    public static boolean contains(String s, char c, int from, int to) {
        return indexOf(s, c, from, to) >= 0;
    }

    private static int indexOf(String s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
