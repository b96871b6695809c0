package dev.imgsign.expiring.internal;

import dev.imgsign.core.internal.Unreserved;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writing ASCII text into byte arrays, for the signers that build a URL in one array: Latin-1 copies and
 * decimal numbers without intermediate strings. Not public API.
 */
public final class Ascii {
    /** 1 for an ASCII byte outside 0x21-0x7E, else 0: for the last bytes. */
    private static final byte[] NOT_PRINTABLE = new byte[128];
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** 1 for a Latin-1 char outside RFC 3986's unreserved set ({@code A-Z a-z 0-9 - . _ ~}), else 0. */
    private static final byte[] NOT_UNRESERVED = new byte[256];
    /** The largest number of {@code d} digits at index {@code d} (1..18), {@code Long.MAX_VALUE} at 19. */
    private static final long[] LARGEST_OF_DIGITS = new long[20];
    /** The tens and the ones digit of 0..99. */
    private static final byte[] TENS = new byte[100];
    private static final byte[] ONES = new byte[100];

    static {
        for (int c = 0; c < 128; c++) {
            NOT_PRINTABLE[c] = (byte) (c < 0x21 || c > 0x7e ? 1 : 0);
        }
        long power = 10;
        for (int d = 1; d < 19; d++, power *= 10) {
            LARGEST_OF_DIGITS[d] = power - 1;
        }
        LARGEST_OF_DIGITS[19] = Long.MAX_VALUE;
        for (int n = 0; n < 100; n++) {
            TENS[n] = (byte) ('0' + n / 10);
            ONES[n] = (byte) ('0' + n % 10);
        }
        for (int c = 0; c < 256; c++) {
            NOT_UNRESERVED[c] = (byte) (c < 0x80 && Unreserved.is((char) c) ? 0 : 1);
        }
    }

    /**
     * Whether every char of {@code s} is RFC 3986 unreserved ({@link Unreserved#is}); true for "".
     *
     * @param s any text
     * @return whether {@code s} is its own UTF-8 and its own percent-encoding
     */
    public static boolean isUnreserved(String s) {
        // No branch per char; a char beyond Latin-1 has bits above the low byte.
        int bad = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            bad |= NOT_UNRESERVED[c & 0xff] | (c >> 8);
        }
        return bad == 0;
    }

    /**
     * Copies {@code s} as one byte per char to {@code a} at {@code aOffset} and to {@code b} at
     * {@code bOffset} (short texts: a loop, no copy stubs), and says whether it is all unreserved
     * ({@link #isUnreserved(String)}); when it is not, the bytes written are meaningless.
     *
     * @param s the text
     * @param a one array written
     * @param aOffset where its first byte goes
     * @param b the other array written
     * @param bOffset where its first byte goes
     * @return whether every char of {@code s} is unreserved
     */
    public static boolean copyUnreserved(String s, byte[] a, int aOffset, byte[] b, int bOffset) {
        int bad = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            bad |= NOT_UNRESERVED[c & 0xff] | (c >> 8);
            a[aOffset + i] = (byte) c;
            b[bOffset + i] = (byte) c;
        }
        return bad == 0;
    }

    private Ascii() {
    }

    /**
     * Copies {@code s[from, to)}, whose chars are all below 0x100, as one byte each: the deprecated
     * {@link String#getBytes(int, int, byte[], int)} is exactly that, and a plain array copy for the
     * JDK's Latin-1 strings.
     *
     * @param s the text
     * @param from the first char copied
     * @param to the end of the copied chars
     * @param dst the array written
     * @param offset where the first byte goes
     */
    @SuppressWarnings("deprecation")
    public static void copyLatin1(String s, int from, int to, byte[] dst, int offset) {
        s.getBytes(from, to, dst, offset);
    }

    /**
     * The number of decimal digits of {@code value}, a sign included.
     *
     * @param value any number
     * @return the length of {@code Long.toString(value)}
     */
    public static int digits(long value) {
        if (value < 10) {
            return value >= 0 ? 1 : value == Long.MIN_VALUE ? 20 : 1 + digits(-value);
        }
        // No loop: the bit length gives the digit count or one less (1233 / 4096 is just below log10(2)).
        int guess = ((63 - Long.numberOfLeadingZeros(value | 1)) * 1233 >>> 12) + 1;
        return value > LARGEST_OF_DIGITS[guess] ? guess + 1 : guess;
    }

    /**
     * Writes {@code value} in decimal (as {@link Long#toString}) at {@code offset}.
     *
     * @param value any number
     * @param out the array written
     * @param offset where the first digit (or sign) goes
     * @return the offset after the last digit
     */
    public static int decimal(long value, byte[] out, int offset) {
        if (value < 10 && value >= 0) {
            out[offset] = (byte) ('0' + value); // most lengths and counts
            return offset + 1;
        }
        if (value < 0) {
            byte[] text = Long.toString(value).getBytes(StandardCharsets.US_ASCII); // never on the hot path
            System.arraycopy(text, 0, out, offset, text.length);
            return offset + text.length;
        }
        int end = offset + digits(value);
        long v = value;
        int i = end - 1;
        for (; v > Integer.MAX_VALUE; i--) {
            long quotient = v / 10;
            out[i] = (byte) ('0' + (int) (v - quotient * 10));
            v = quotient;
        }
        // Two digits per int division by a constant (a multiplication).
        int w = (int) v;
        for (; w >= 100; i -= 2) {
            int quotient = w / 100;
            int pair = w - quotient * 100;
            out[i] = ONES[pair];
            out[i - 1] = TENS[pair];
            w = quotient;
        }
        if (w >= 10) {
            out[i] = ONES[w];
            out[i - 1] = TENS[w];
        } else {
            out[i] = (byte) ('0' + w);
        }
        return end;
    }

    /**
     * Whether {@code s} is all printable ASCII (0x21-0x7E): no control character, space, DEL or non-ASCII.
     *
     * @param s any text
     * @return whether every char is printable ASCII
     */
    public static boolean isPrintable(String s) {
        return printableBytes(s) != null;
    }

    /**
     * The bytes of {@code s} if it is all printable ASCII (see {@link #isPrintable}), else {@code null}.
     *
     * @param s any text
     * @return a new array of one byte per char, or {@code null}
     */
    public static byte[] printableBytes(String s) {
        // UTF-8 has one byte per char only for ASCII; the check below has no branch per byte.
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length != s.length()) {
            return null;
        }
        // Eight bytes at a time, all ASCII: a byte below 0x21 borrows into its high bit, 0x7F carries into it.
        long high = 0;
        int i = 0;
        for (; i + 8 <= bytes.length; i += 8) {
            long x = (long) LONGS.get(bytes, i);
            high |= ((x - 0x2121212121212121L) & ~x) | (x + 0x0101010101010101L);
        }
        int outside = (high & 0x8080808080808080L) == 0 ? 0 : 1;
        for (; i < bytes.length; i++) {
            outside |= NOT_PRINTABLE[bytes[i] & 0x7f];
        }
        return outside == 0 ? bytes : null;
    }
}
