package dev.imgsign.core.internal;

/**
 * ASCII-only case handling for attacker input. Only {@code A-Z} and {@code a-z} are treated as case
 * variants of each other: unlike {@link String#equalsIgnoreCase} or {@code regionMatches(true, ...)},
 * no non-ASCII character ever matches an ASCII one ({@code 'ı'}, {@code 'İ'}, {@code 'ſ'} U+017F and the
 * Kelvin sign U+212A fold onto ASCII letters under Unicode case folding). Not public API: it may change
 * without notice.
 */
public final class Ascii {
    private Ascii() {
    }

    /** {@code c} with {@code A-Z} mapped to {@code a-z}; every other character unchanged. */
    public static char toLowerCase(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** {@code s} with {@code A-Z} mapped to {@code a-z} and every other character unchanged. */
    public static String toLowerCase(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] chars = s.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    chars[j] = toLowerCase(chars[j]);
                }
                return new String(chars);
            }
        }
        return s;
    }

    /**
     * Like {@link String#regionMatches(boolean, int, String, int, int)} with {@code ignoreCase}, but only
     * ASCII letters match case-insensitively: {@code false} when a region is out of bounds.
     */
    public static boolean regionMatchesIgnoreCase(String s, int offset, String other, int otherOffset, int length) {
        // Same bounds rule as String.regionMatches; long arithmetic so no length overflows.
        if (offset < 0 || otherOffset < 0
                || offset > (long) s.length() - length || otherOffset > (long) other.length() - length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (toLowerCase(s.charAt(offset + i)) != toLowerCase(other.charAt(otherOffset + i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s} starts with {@code asciiPrefix}, ASCII letters compared case-insensitively. */
    public static boolean startsWithIgnoreCase(String s, String asciiPrefix) {
        return regionMatchesIgnoreCase(s, 0, asciiPrefix, 0, asciiPrefix.length());
    }

    /** Whether {@code a} and {@code b} are equal, ASCII letters compared case-insensitively. */
    public static boolean equalsIgnoreCase(String a, String b) {
        return a.length() == b.length() && regionMatchesIgnoreCase(a, 0, b, 0, a.length());
    }
}
