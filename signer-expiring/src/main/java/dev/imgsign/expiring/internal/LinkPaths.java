package dev.imgsign.expiring.internal;

import dev.imgsign.core.internal.Percent;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The path rules the expiring and aurelia links share: a signable path is absolute, ASCII and already
 * percent-encoded; an aurelia link's image name is its last segment, decoded. Not public API.
 */
public final class LinkPaths {
    /** The longest path a signer signs. */
    public static final int MAX_PATH_LENGTH = 2048;
    /** The characters a path may hold raw: printable ASCII except space and {@code ?#"<>\^`{|}}. */
    private static final boolean[] PATH_CHARS = new boolean[0x7f];
    /** 1 for a Latin-1 byte a percent-encoded path cannot hold, else 0. */
    private static final byte[] NOT_PATH = new byte[256];
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    static {
        java.util.Arrays.fill(NOT_PATH, (byte) 1);
        for (char c = 0x21; c < 0x7f; c++) {
            PATH_CHARS[c] = "?#\"<>\\^`{|}".indexOf(c) < 0;
            NOT_PATH[c] = (byte) (PATH_CHARS[c] ? 0 : 1);
        }
    }

    private LinkPaths() {
    }

    /**
     * Why {@code path} cannot be signed, or {@code null}: it must start with '/', be ASCII, encoded.
     *
     * @param path a raw path
     * @return the problem, or {@code null} when the path can be signed
     */
    public static String pathProblem(String path) {
        if (path.isEmpty() || path.charAt(0) != '/') {
            return "path must start with '/'";
        }
        if (path.length() > MAX_PATH_LENGTH) {
            return "path is longer than " + MAX_PATH_LENGTH + " characters";
        }
        if (isWellFormed(path)) {
            return null;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c >= PATH_CHARS.length || !PATH_CHARS[c]) {
                return "path must be percent-encoded (found a character that needs escaping at index " + i + ")";
            }
            if (c == '%' && (i + 2 >= path.length()
                    || Percent.hexValue(path.charAt(i + 1)) < 0
                    || Percent.hexValue(path.charAt(i + 2)) < 0)) {
                return "path has a '%' not followed by two hex digits at index " + i;
            }
        }
        return null;
    }

    /**
     * Whether {@code path} (starting with '/', within the length limit) passes the checks of
     * {@link #pathProblem}: a quick answer for the common path, the loop there finds the problem otherwise.
     */
    private static boolean isWellFormed(String path) {
        // Without a branch per char and without a copy; a char beyond Latin-1 has bits above the low byte.
        int bad = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            bad |= NOT_PATH[c & 0xff] | (c >> 8);
        }
        return bad == 0 && escapesAreHex(path, 0, path.length());
    }

    /**
     * The bytes of {@code path} when it can be signed ({@link #pathProblem} is {@code null}), else
     * {@code null}: one copy checked a word at a time.
     *
     * @param path a raw path
     * @return its ASCII bytes, or {@code null} when {@link #pathProblem} has a problem
     */
    public static byte[] signableBytes(String path) {
        if (path.isEmpty() || path.charAt(0) != '/' || path.length() > MAX_PATH_LENGTH) {
            return null;
        }
        // A plain copy for the JDK's Latin-1 strings; a char beyond Latin-1 becomes '?', and 0x80-0xFF stay
        // above 0x7F: the path check below refuses both (and a surrogate pair, one '?', changes the length).
        byte[] bytes = path.getBytes(StandardCharsets.ISO_8859_1);
        return bytes.length == path.length() && isPath(bytes, 0, bytes.length)
                && escapesAreHex(path, 0, path.length()) ? bytes : null;
    }

    /**
     * Whether every byte of {@code t[from, to)} may stand in a percent-encoded path (printable ASCII
     * except {@code ?#"<>\^`{|}}); escapes are not checked.
     *
     * @param t Latin-1 bytes
     * @param from first byte checked
     * @param to end of the bytes checked
     * @return whether all those bytes are path characters
     */
    public static boolean isPath(byte[] t, int from, int to) {
        // 32 bytes at a time when they are all letters, digits or $%&'()*+,-./:; (most paths), by word
        // arithmetic; a block holding anything else, and the last bytes, by table.
        int i = from;
        for (; i + 32 <= to; i += 32) {
            long common = commonLanes((long) LONGS.get(t, i)) & commonLanes((long) LONGS.get(t, i + 8))
                    & commonLanes((long) LONGS.get(t, i + 16)) & commonLanes((long) LONGS.get(t, i + 24));
            if ((common & HIGH_BITS) != HIGH_BITS && !isPathByTable(t, i, i + 32)) {
                return false;
            }
        }
        return isPathByTable(t, i, to);
    }

    /**
     * The high bit of each byte of {@code x} set when that byte is an ASCII letter or in 0x24-0x3B
     * ({@code $%&'()*+,-./0-9:;}), all path characters. Exact when no byte of {@code x} is above 0x7F (no
     * carry crosses bytes); with such a byte that byte's bit is clear, and the caller's check fails anyway.
     */
    private static long commonLanes(long x) {
        long folded = x | 0x2020202020202020L; // A-Z onto a-z
        long letters = (folded + 0x1f1f1f1f1f1f1f1fL) & ~(folded + 0x0505050505050505L); // 0x61 <= b < 0x7b
        long symbols = (x + 0x5c5c5c5c5c5c5c5cL) & ~(x + 0x4444444444444444L); // 0x24 <= b < 0x3c
        return (letters | symbols) & ~x;
    }

    private static boolean isPathByTable(byte[] t, int from, int to) {
        // Without a branch per byte: about twice as fast on long paths as a branch per byte.
        int bad = 0;
        for (int i = from; i < to; i++) {
            bad |= NOT_PATH[t[i] & 0xff];
        }
        return bad == 0;
    }

    /**
     * Whether every '%' in {@code s[from, to)} is followed by two hex digits before {@code to}.
     *
     * @param s the text
     * @param from first char checked
     * @param to end of the chars checked
     * @return whether all escapes there are complete
     */
    public static boolean escapesAreHex(String s, int from, int to) {
        for (int i = s.indexOf('%', from); i >= 0 && i < to; i = s.indexOf('%', i + 1)) {
            if (i + 2 >= to || Percent.hexValue(s.charAt(i + 1)) < 0 || Percent.hexValue(s.charAt(i + 2)) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The last segment of a raw path, percent-decoded as UTF-8.
     *
     * @param path a raw path
     * @return the decoded segment, or {@code null} when it is not validly encoded UTF-8
     */
    public static String lastSegment(String path) {
        int slash = path.lastIndexOf('/');
        byte[] bytes = Percent.decode(path, slash + 1, path.length(), false);
        return bytes == null ? null : Percent.utf8OrNull(bytes);
    }
}
