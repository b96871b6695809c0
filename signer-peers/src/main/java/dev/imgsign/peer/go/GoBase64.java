package dev.imgsign.peer.go;

import java.util.Arrays;

/**
 * Go's {@code encoding/base64} URL-alphabet decoding in its default (non-strict) mode, as the Go peers
 * call it: {@code \r} and {@code \n} are skipped anywhere, non-zero unused trailing bits are ignored,
 * {@code +} and {@code /} are invalid. The JDK decoder differs on newlines and on padding, hence this
 * class. Not public API: it may change without notice. Linear, never throws; one allocation.
 */
public final class GoBase64 {
    private static final byte[] VALUES = new byte[128];

    static {
        Arrays.fill(VALUES, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = (byte) i;
        }
    }

    private GoBase64() {
    }

    /**
     * {@code base64.RawURLEncoding.DecodeString} of {@code src[from, to)}: no padding ({@code =} is an
     * invalid character).
     *
     * @return the bytes, or {@code null} where Go returns an error
     */
    public static byte[] decodeRawUrl(byte[] src, int from, int to) {
        return decode(src, from, to, false);
    }

    /**
     * {@code base64.URLEncoding.DecodeString} of {@code src[from, to)} after appending {@code =} until
     * its length is a multiple of four, as go-camo (both parts of a base64 URL) and imageproxy (the
     * signature) do: missing padding is fine, existing correct padding too.
     *
     * @return the bytes, or {@code null} where Go returns an error
     */
    public static byte[] decodeUrlPadded(byte[] src, int from, int to) {
        return decode(src, from, to, true);
    }

    private static byte[] decode(byte[] src, int from, int to, boolean padded) {
        // First pass: count the significant characters and check the shape (symbols, then padding).
        int symbols = 0;
        int padding = 0;
        for (int i = from; i < to; i++) {
            int c = src[i] & 0xff;
            if (c == '\r' || c == '\n') {
                continue;
            }
            if (c == '=' && padded) {
                padding++;
            } else if (c < 128 && VALUES[c] >= 0) {
                if (padding > 0) {
                    return null; // a symbol after padding
                }
                symbols++;
            } else {
                return null;
            }
        }
        int tail = symbols % 4;
        if (padded) {
            padding += (4 - (to - from) % 4) % 4; // the appended '='
            if (padding == 0 ? tail != 0 : (tail == 2 ? padding != 2 : (tail != 3 || padding != 1))) {
                return null;
            }
        } else if (tail == 1) {
            return null;
        }
        byte[] out = new byte[symbols / 4 * 3 + (tail == 0 ? 0 : tail - 1)];
        int acc = 0;
        int held = 0;
        int n = 0;
        for (int i = from; i < to && n < out.length; i++) {
            int c = src[i] & 0xff;
            if (c == '\r' || c == '\n' || c == '=') {
                continue;
            }
            acc = (acc << 6) | VALUES[c];
            held += 6;
            if (held >= 8) {
                held -= 8;
                out[n++] = (byte) (acc >> held);
                acc &= (1 << held) - 1;
            }
        }
        return out;
    }
}
