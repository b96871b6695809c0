package dev.imgsign.camo;

/**
 * go-camo's base64 decoding, reproduced: go-camo pads the text with {@code =} to a multiple of four and
 * hands it to Go's {@code base64.URLEncoding.DecodeString}, which skips {@code \r} and {@code \n}
 * anywhere, accepts correct padding, ignores non-zero unused trailing bits, and refuses everything else.
 * The JDK decoder differs on newlines and on padding, hence this class. Linear, never throws.
 */
final class GoBase64 {
    private static final byte[] VALUES = new byte[128];

    static {
        java.util.Arrays.fill(VALUES, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = (byte) i;
        }
    }

    private GoBase64() {
    }

    /** The bytes {@code src[from, to)} decode to as go-camo decodes them, or {@code null} where go-camo fails. */
    static byte[] decode(byte[] src, int from, int to) {
        int length = to - from;
        int appendedPadding = (4 - length % 4) % 4;
        // First pass: count the significant characters and check the shape (symbols, then padding).
        int symbols = 0;
        int padding = 0;
        for (int i = from; i < to; i++) {
            int c = src[i] & 0xff;
            if (c == '\r' || c == '\n') {
                continue;
            }
            if (c == '=') {
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
        padding += appendedPadding;
        int tail = symbols % 4;
        if (padding == 0 ? tail != 0 : (tail == 2 ? padding != 2 : (tail != 3 || padding != 1))) {
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
