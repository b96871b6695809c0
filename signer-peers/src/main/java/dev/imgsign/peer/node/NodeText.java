package dev.imgsign.peer.node;

import java.nio.charset.StandardCharsets;

/**
 * How Node turns bytes and escapes into text where atmos/camo's acceptance depends on it: UTF-8 decoding
 * with U+FFFD replacement ({@code Buffer.toString()}), the request target as {@code req.url} sees it, and
 * JavaScript's {@code decodeURIComponent}. Not public API: it may change without notice. Linear, never
 * throws.
 */
public final class NodeText {
    private NodeText() {
    }

    /**
     * Decodes UTF-8 as the WHATWG Encoding Standard (and Node's {@code Buffer.toString}) does: every
     * maximal invalid subsequence becomes one U+FFFD.
     *
     * @param bytes the bytes to decode
     * @return the text
     */
    public static String utf8WithReplacement(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        int needed = 0;
        int seen = 0;
        int codePoint = 0;
        int lower = 0x80;
        int upper = 0xBF;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (needed == 0) {
                if (b <= 0x7F) {
                    out.append((char) b);
                } else if (b >= 0xC2 && b <= 0xDF) {
                    needed = 1;
                    codePoint = b & 0x1F;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    lower = b == 0xE0 ? 0xA0 : 0x80;
                    upper = b == 0xED ? 0x9F : 0xBF;
                    needed = 2;
                    codePoint = b & 0x0F;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    lower = b == 0xF0 ? 0x90 : 0x80;
                    upper = b == 0xF4 ? 0x8F : 0xBF;
                    needed = 3;
                    codePoint = b & 0x07;
                } else {
                    out.append('\uFFFD');
                }
                continue;
            }
            if (b < lower || b > upper) {
                needed = 0;
                seen = 0;
                codePoint = 0;
                lower = 0x80;
                upper = 0xBF;
                out.append('\uFFFD');
                i--; // the byte starts afresh
                continue;
            }
            lower = 0x80;
            upper = 0xBF;
            codePoint = (codePoint << 6) | (b & 0x3F);
            if (++seen == needed) {
                out.appendCodePoint(codePoint);
                needed = 0;
                seen = 0;
                codePoint = 0;
            }
        }
        if (needed != 0) {
            out.append('\uFFFD');
        }
        return out.toString();
    }

    /**
     * {@code req.url} as Node sees the request target: the wire bytes as Latin-1 characters. Non-ASCII
     * characters of {@code target} are taken to have arrived as UTF-8.
     *
     * @param target the request target as a Java server received it
     * @return {@code target} itself when it is ASCII, else its UTF-8 bytes read as Latin-1
     */
    public static String asNodeSeesIt(String target) {
        for (int i = 0; i < target.length(); i++) {
            if (target.charAt(i) >= 0x80) {
                return new String(target.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            }
        }
        return target;
    }

    /**
     * JavaScript's {@code decodeURIComponent}.
     *
     * @param s the escaped text
     * @return the decoded text, or {@code null} where JavaScript throws {@code URIError}
     */
    public static String decodeUriComponent(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            int b = escapedByte(s, i);
            if (b < 0) {
                return null;
            }
            i += 3;
            if (b < 0x80) {
                out.append((char) b);
                continue;
            }
            int n;
            int cp;
            int min;
            if ((b & 0xE0) == 0xC0) {
                n = 1;
                cp = b & 0x1F;
                min = 0x80;
            } else if ((b & 0xF0) == 0xE0) {
                n = 2;
                cp = b & 0x0F;
                min = 0x800;
            } else if ((b & 0xF8) == 0xF0) {
                n = 3;
                cp = b & 0x07;
                min = 0x10000;
            } else {
                return null;
            }
            for (int k = 0; k < n; k++) {
                int cont = i < s.length() && s.charAt(i) == '%' ? escapedByte(s, i) : -1;
                if (cont < 0 || (cont & 0xC0) != 0x80) {
                    return null;
                }
                cp = (cp << 6) | (cont & 0x3F);
                i += 3;
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return null;
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    /** The byte a valid {@code %XX} at {@code percent} stands for, or -1. */
    static int escapedByte(CharSequence s, int percent) {
        if (percent + 2 >= s.length()) {
            return -1;
        }
        int hi = hexValue(s.charAt(percent + 1));
        int lo = hexValue(s.charAt(percent + 2));
        return hi < 0 || lo < 0 ? -1 : (hi << 4) | lo;
    }

    /** Hex digit values by ASCII code, -1 for every other character. */
    private static final byte[] HEX_VALUES = new byte[128];

    static {
        java.util.Arrays.fill(HEX_VALUES, (byte) -1);
        String digits = "0123456789abcdef";
        for (int i = 0; i < digits.length(); i++) {
            HEX_VALUES[digits.charAt(i)] = (byte) i;
            HEX_VALUES[Character.toUpperCase(digits.charAt(i))] = (byte) i;
        }
    }

    /** The value of an ASCII hex digit of either case, or -1. */
    static int hexValue(char c) {
        return c < HEX_VALUES.length ? HEX_VALUES[c] : -1;
    }
}
