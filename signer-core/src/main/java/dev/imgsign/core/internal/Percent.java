package dev.imgsign.core.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding of request targets, shared by the verifiers. Not public API: it may change
 * without notice. Work is linear in the input; nothing here throws on any input.
 */
public final class Percent {
    private Percent() {
    }

    /**
     * Decodes {@code %XX} escapes in {@code s[from, to)} to bytes; characters that are not escapes are
     * taken as their UTF-8 bytes. With {@code plusAsSpace}, {@code +} becomes a space (form encoding).
     *
     * @return the bytes, or {@code null} if a {@code %} is not followed by two hex digits
     */
    public static byte[] decode(CharSequence s, int from, int to, boolean plusAsSpace) {
        // Two passes over the input: the first validates escapes and sizes the output exactly, so the
        // second writes into one array (verifiers call this on every request).
        int length = 0;
        for (int i = from; i < to; ) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= to || hexValue(s.charAt(i + 1)) < 0 || hexValue(s.charAt(i + 2)) < 0) {
                    return null;
                }
                length++;
                i += 3;
            } else if (c < 0x80) {
                length++;
                i++;
            } else if (c < 0x800) {
                length += 2;
                i++;
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                length += 4;
                i += 2;
            } else {
                length += Character.isSurrogate(c) ? 1 : 3;
                i++;
            }
        }
        byte[] out = new byte[length];
        int o = 0;
        for (int i = from; i < to; ) {
            char c = s.charAt(i);
            if (c == '%') {
                out[o++] = (byte) ((hexValue(s.charAt(i + 1)) << 4) | hexValue(s.charAt(i + 2)));
                i += 3;
            } else if (c < 0x80) {
                out[o++] = (byte) (c == '+' && plusAsSpace ? ' ' : c);
                i++;
            } else if (c < 0x800) {
                out[o++] = (byte) (0xc0 | (c >> 6));
                out[o++] = (byte) (0x80 | (c & 0x3f));
                i++;
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(i + 1));
                out[o++] = (byte) (0xf0 | (cp >> 18));
                out[o++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                out[o++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                out[o++] = (byte) (0x80 | (cp & 0x3f));
                i += 2;
            } else if (Character.isSurrogate(c)) {
                out[o++] = '?'; // an unpaired surrogate, replaced as String.getBytes(UTF_8) does
                i++;
            } else {
                out[o++] = (byte) (0xe0 | (c >> 12));
                out[o++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                out[o++] = (byte) (0x80 | (c & 0x3f));
                i++;
            }
        }
        return out;
    }

    /** {@link #decode(CharSequence, int, int, boolean)} over the whole of {@code s}. */
    public static byte[] decode(CharSequence s, boolean plusAsSpace) {
        return decode(s, 0, s.length(), plusAsSpace);
    }

    /** Whether {@code s[from, to)} contains a {@code %}; lets callers skip decoding on the common path. */
    public static boolean hasEscape(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '%') {
                return true;
            }
        }
        return false;
    }

    /** The value of a hex digit of either case, or -1. */
    public static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** {@code bytes} as UTF-8, or {@code null} if they are not valid UTF-8. */
    public static String utf8OrNull(byte[] bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
