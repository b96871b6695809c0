package dev.imgsign.core.internal;

import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) and percent-encoding of every other
 * byte, shared by the signers that write query parameters. Not public API: it may change without notice.
 */
public final class Unreserved {
    private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();

    private Unreserved() {
    }

    /** Whether {@code c} is an RFC 3986 unreserved character. */
    public static boolean is(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /** Appends {@code bytes}, every byte outside the unreserved set written as {@code %XX} (upper case). */
    public static void escape(byte[] bytes, StringBuilder out) {
        for (byte value : bytes) {
            int b = value & 0xff;
            if (b < 0x80 && is((char) b)) {
                out.append((char) b);
            } else {
                out.append('%').append(UPPER_HEX[b >> 4]).append(UPPER_HEX[b & 0xf]);
            }
        }
    }

    /** {@link #escape(byte[], StringBuilder)} into {@code out} from {@code offset}; returns the end offset. */
    public static int escape(byte[] bytes, byte[] out, int offset) {
        int o = offset;
        for (byte value : bytes) {
            int b = value & 0xff;
            if (b < 0x80 && is((char) b)) {
                out[o++] = value;
            } else {
                out[o++] = '%';
                out[o++] = (byte) UPPER_HEX[b >> 4];
                out[o++] = (byte) UPPER_HEX[b & 0xf];
            }
        }
        return o;
    }

    /** The length of {@link #escape(byte[], StringBuilder)}'s output for {@code bytes}. */
    public static int escapedLength(byte[] bytes) {
        int n = 0;
        for (byte value : bytes) {
            int b = value & 0xff;
            n += b < 0x80 && is((char) b) ? 1 : 3;
        }
        return n;
    }

    /** {@link #escape(byte[], StringBuilder)} of the UTF-8 bytes of {@code s}. */
    public static void escape(String s, StringBuilder out) {
        escape(s.getBytes(StandardCharsets.UTF_8), out);
    }
}
