package dev.imgsign.html;

/** ASCII-only case handling for attacker input: no Unicode case folding ('ı', 'ſ', 'K' never match ASCII). */
final class Ascii {
    private Ascii() {
    }

    static char toLowerCase(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    static String toLowerCase(String s) {
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

    static boolean regionMatchesIgnoreCase(String s, int offset, String other, int otherOffset, int length) {
        if (offset < 0 || otherOffset < 0 || offset > s.length() - length || otherOffset > other.length() - length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (toLowerCase(s.charAt(offset + i)) != toLowerCase(other.charAt(otherOffset + i))) {
                return false;
            }
        }
        return true;
    }

    static boolean equalsIgnoreCase(String s, String other) {
        return s.length() == other.length() && regionMatchesIgnoreCase(s, 0, other, 0, s.length());
    }
}
