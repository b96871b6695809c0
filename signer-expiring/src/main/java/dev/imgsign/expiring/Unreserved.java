package dev.imgsign.expiring;

import java.nio.charset.StandardCharsets;

/** RFC 3986 unreserved characters and percent-encoding of everything else. */
final class Unreserved {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Unreserved() {
    }

    static boolean is(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /** {@code s} as UTF-8 with every byte outside the unreserved set written as {@code %XX} (upper case). */
    static void encode(String s, StringBuilder out) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && is(c)) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }
    }
}
