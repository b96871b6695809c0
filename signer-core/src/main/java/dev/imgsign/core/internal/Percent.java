package dev.imgsign.core.internal;

import java.io.ByteArrayOutputStream;
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
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= to) {
                    return null;
                }
                int hi = hexValue(s.charAt(i + 1));
                int lo = hexValue(s.charAt(i + 2));
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write((hi << 4) | lo);
                i += 3;
            } else if (c == '+' && plusAsSpace) {
                out.write(' ');
                i++;
            } else if (c < 0x80) {
                out.write(c);
                i++;
            } else {
                int end = i + 1;
                if (Character.isHighSurrogate(c) && end < to && Character.isLowSurrogate(s.charAt(end))) {
                    end++;
                }
                byte[] utf8 = s.subSequence(i, end).toString().getBytes(StandardCharsets.UTF_8);
                out.write(utf8, 0, utf8.length);
                i = end;
            }
        }
        return out.toByteArray();
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
