package dev.imgsign.imageproxy;

import java.io.ByteArrayOutputStream;

/**
 * Go's {@code encoding/base64} URL-alphabet decoders in their default (non-strict) mode: unused trailing
 * bits are ignored, {@code \r} and {@code \n} are skipped, {@code +} and {@code /} are invalid.
 * Null on error; linear in the input.
 */
final class GoBase64 {
    private GoBase64() {
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '-') {
            return 62;
        }
        if (c == '_') {
            return 63;
        }
        return -1;
    }

    /** {@code base64.RawURLEncoding.DecodeString} (no padding: {@code =} is an invalid character). */
    static byte[] decodeRawUrl(String s) {
        return decode(s, false);
    }

    /** {@code base64.URLEncoding.DecodeString} (padding required). */
    static byte[] decodeUrl(String s) {
        return decode(s, true);
    }

    private static byte[] decode(String s, boolean padded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() * 3 / 4 + 3);
        int[] quantum = new int[4];
        int si = 0;
        int len = s.length();
        while (true) {
            int j = 0;
            int dlen = 4;
            boolean end = false;
            while (j < 4) {
                if (si == len) {
                    if (j == 0) {
                        return out.toByteArray();
                    }
                    if (j == 1 || padded) {
                        return null;
                    }
                    dlen = j;
                    end = true;
                    break;
                }
                char in = s.charAt(si++);
                int v = value(in);
                if (v >= 0) {
                    quantum[j++] = v;
                    continue;
                }
                if (in == '\n' || in == '\r') {
                    continue;
                }
                if (!padded || in != '=') {
                    return null;
                }
                // padding
                if (j < 2) {
                    return null;
                }
                if (j == 2) {
                    while (si < len && (s.charAt(si) == '\n' || s.charAt(si) == '\r')) {
                        si++;
                    }
                    if (si == len || s.charAt(si) != '=') {
                        return null;
                    }
                    si++;
                }
                while (si < len && (s.charAt(si) == '\n' || s.charAt(si) == '\r')) {
                    si++;
                }
                if (si < len) {
                    return null; // trailing garbage
                }
                dlen = j;
                end = true;
                break;
            }
            for (int k = dlen; k < 4; k++) {
                quantum[k] = 0;
            }
            int val = quantum[0] << 18 | quantum[1] << 12 | quantum[2] << 6 | quantum[3];
            out.write(val >> 16);
            if (dlen >= 3) {
                out.write(val >> 8);
            }
            if (dlen == 4) {
                out.write(val);
            }
            if (end) {
                return out.toByteArray();
            }
        }
    }
}
