package dev.imgsign.expiring.link;

import java.nio.charset.StandardCharsets;
import dev.imgsign.expiring.internal.Ascii;
import java.util.List;

/**
 * The bytes the recommended expiring-link HMAC covers. Every variable part is length-prefixed, so
 * the encoding can be parsed back unambiguously and no two different (path, parameters, expiry)
 * give the same bytes:
 *
 * <pre>
 * imgsign-expiring-v1 LF
 * len(path) ":" path LF
 * count(params) LF
 * (len(name) ":" name len(value) ":" value LF) for each parameter, in order
 * expiresAt
 * </pre>
 *
 * Lengths are decimal counts of UTF-8 bytes; the path is the raw (percent-encoded) path; names and
 * values are decoded; {@code expiresAt} is decimal without sign or leading zeros.
 */
final class CanonicalString {
    static final byte[] TAG = "imgsign-expiring-v1\n".getBytes(StandardCharsets.US_ASCII);

    private CanonicalString() {
    }

    /** The canonical bytes; {@code names} and {@code values} are UTF-8, pairwise. */
    static byte[] of(byte[] path, List<byte[]> names, List<byte[]> values, long expiresAt) {
        byte[] out = new byte[length(path.length, names, values, expiresAt)];
        int p = head(out, path.length);
        System.arraycopy(path, 0, out, p, path.length);
        return tail(out, p + path.length, names, values, expiresAt);
    }

    /** As {@link #of(byte[], List, List, long)} for a path of ASCII characters, copied without encoding. */
    static byte[] ofAsciiPath(String path, List<byte[]> names, List<byte[]> values, long expiresAt) {
        byte[] out = new byte[length(path.length(), names, values, expiresAt)];
        int p = head(out, path.length());
        Ascii.copyLatin1(path, 0, path.length(), out, p);
        return tail(out, p + path.length(), names, values, expiresAt);
    }

    /**
     * The length of the canonical bytes without the parameters' lines: the tag, the path with its length,
     * the count and the expiry.
     */
    static int fixedLength(int pathLength, int count, long expiresAt) {
        return TAG.length + Ascii.digits(pathLength) + 1 + pathLength + 1 + Ascii.digits(count) + 1
                + Ascii.digits(expiresAt);
    }

    /**
     * As {@link #of(byte[], List, List, long)} for the ASCII bytes of a path and {@code params}, {@code length} bytes:
     * part {@code 2k} (parameter k's name) and {@code 2k+1} (its value) are {@code encoded}'s UTF-8 bytes,
     * or when {@code encoded} or that entry is null, the text's own chars (unreserved ASCII, so its UTF-8).
     */
    static byte[] ofParams(byte[] path, List<ExpiringLink.QueryParam> params, byte[][] encoded, long expiresAt,
            int length) {
        byte[] out = new byte[length];
        int o = head(out, path.length);
        System.arraycopy(path, 0, out, o, path.length);
        o += path.length;
        out[o++] = '\n';
        o = Ascii.decimal(params.size(), out, o);
        out[o++] = '\n';
        for (int k = 0; k < params.size(); k++) {
            ExpiringLink.QueryParam p = params.get(k);
            o = field(p.name(), encoded == null ? null : encoded[2 * k], out, o);
            o = field(p.value(), encoded == null ? null : encoded[2 * k + 1], out, o);
            out[o++] = '\n';
        }
        Ascii.decimal(expiresAt, out, o);
        return out;
    }

    /**
     * As {@link #ofParams} with no part encoded, {@code length} bytes, when every name and value is
     * unreserved ASCII; also writes {@code ?name=value&...} into {@code query} from {@code queryStart}.
     * {@code null} as soon as a part is not unreserved: the caller takes the general path.
     */
    static byte[] ofUnreservedParams(byte[] path, List<ExpiringLink.QueryParam> params, long expiresAt, int length,
            byte[] query, int queryStart) {
        byte[] out = new byte[length];
        int o = head(out, path.length);
        System.arraycopy(path, 0, out, o, path.length);
        o += path.length;
        out[o++] = '\n';
        o = Ascii.decimal(params.size(), out, o);
        out[o++] = '\n';
        query[queryStart] = '?';
        int q = queryStart + 1;
        for (int k = 0; k < params.size(); k++) {
            ExpiringLink.QueryParam p = params.get(k);
            String name = p.name();
            String value = p.value();
            o = Ascii.decimal(name.length(), out, o);
            out[o++] = ':';
            if (!Ascii.copyUnreserved(name, out, o, query, q)) {
                return null;
            }
            o += name.length();
            q += name.length();
            query[q++] = '=';
            o = Ascii.decimal(value.length(), out, o);
            out[o++] = ':';
            if (!Ascii.copyUnreserved(value, out, o, query, q)) {
                return null;
            }
            o += value.length();
            q += value.length();
            query[q++] = '&';
            out[o++] = '\n';
        }
        Ascii.decimal(expiresAt, out, o);
        return out;
    }

    private static int field(String text, byte[] utf8, byte[] out, int offset) {
        if (utf8 != null) {
            return field(utf8, out, offset);
        }
        int o = Ascii.decimal(text.length(), out, offset);
        out[o++] = ':';
        Ascii.copyLatin1(text, 0, text.length(), out, o);
        return o + text.length();
    }

    /**
     * As {@link #of(byte[], List, List, long)} for an ASCII target whose query needs no decoding: the path is
     * {@code target[0, pathEnd)}, parameter {@code k}'s name {@code target[bounds[4k], bounds[4k+1])} and its
     * value {@code target[bounds[4k+2], bounds[4k+3])}.
     */
    static byte[] ofPlainTarget(byte[] target, int pathEnd, int[] bounds, int count, long expiresAt) {
        byte[] out = new byte[plainLength(pathEnd, bounds, count, expiresAt)];
        int o = head(out, pathEnd);
        System.arraycopy(target, 0, out, o, pathEnd);
        o += pathEnd;
        out[o++] = '\n';
        o = Ascii.decimal(count, out, o);
        out[o++] = '\n';
        for (int k = 0; k < count; k++) {
            o = field(target, bounds[4 * k], bounds[4 * k + 1], out, o);
            o = field(target, bounds[4 * k + 2], bounds[4 * k + 3], out, o);
            out[o++] = '\n';
        }
        Ascii.decimal(expiresAt, out, o);
        return out;
    }

    /** The length of {@link #ofPlainTarget}'s bytes for the same arguments. */
    static int plainLength(int pathEnd, int[] bounds, int count, long expiresAt) {
        int n = fixedLength(pathEnd, count, expiresAt);
        for (int k = 0; k < count; k++) {
            int name = bounds[4 * k + 1] - bounds[4 * k];
            int value = bounds[4 * k + 3] - bounds[4 * k + 2];
            n += Ascii.digits(name) + 1 + name + Ascii.digits(value) + 1 + value + 1;
        }
        return n;
    }

    /**
     * As {@link #ofPlainTarget} written over {@code target} itself from index 0, which must have room for
     * {@link #plainLength} bytes; the path is {@code target[0, pathEnd)} and the parameters are
     * {@code params} (ASCII, read from the target before this call); returns {@code target}. Saves the
     * allocation of a second array as long as the target's own.
     */
    static byte[] overPlainTarget(byte[] target, int pathEnd, ExpiringLink.QueryParam[] params, long expiresAt) {
        int pathStart = TAG.length + Ascii.digits(pathEnd) + 1;
        System.arraycopy(target, 0, target, pathStart, pathEnd); // overlapping: copied as if through a temporary
        head(target, pathEnd);
        int o = pathStart + pathEnd;
        target[o++] = '\n';
        o = Ascii.decimal(params.length, target, o);
        target[o++] = '\n';
        for (ExpiringLink.QueryParam p : params) {
            o = field(p.name(), null, target, o);
            o = field(p.value(), null, target, o);
            target[o++] = '\n';
        }
        Ascii.decimal(expiresAt, target, o);
        return target;
    }

    private static int field(byte[] src, int from, int to, byte[] out, int offset) {
        int o = Ascii.decimal(to - from, out, offset);
        out[o++] = ':';
        System.arraycopy(src, from, out, o, to - from);
        return o + to - from;
    }

    /** The exact length, so the bytes are written once into one array. */
    private static int length(int pathLength, List<byte[]> names, List<byte[]> values, long expiresAt) {
        int n = TAG.length + Ascii.digits(pathLength) + 1 + pathLength + 1 + Ascii.digits(names.size()) + 1;
        for (int i = 0; i < names.size(); i++) {
            int name = names.get(i).length;
            int value = values.get(i).length;
            n += Ascii.digits(name) + 1 + name + Ascii.digits(value) + 1 + value + 1;
        }
        return n + Ascii.digits(expiresAt);
    }

    /** Writes the tag and the path's length prefix; returns where the path goes. */
    private static int head(byte[] out, int pathLength) {
        System.arraycopy(TAG, 0, out, 0, TAG.length);
        int o = Ascii.decimal(pathLength, out, TAG.length);
        out[o] = ':';
        return o + 1;
    }

    /** Writes everything after the path, which ends at {@code pathEnd}. */
    private static byte[] tail(byte[] out, int pathEnd, List<byte[]> names, List<byte[]> values, long expiresAt) {
        int o = pathEnd;
        out[o++] = '\n';
        o = Ascii.decimal(names.size(), out, o);
        out[o++] = '\n';
        for (int i = 0; i < names.size(); i++) {
            o = field(names.get(i), out, o);
            o = field(values.get(i), out, o);
            out[o++] = '\n';
        }
        Ascii.decimal(expiresAt, out, o);
        return out;
    }

    private static int field(byte[] bytes, byte[] out, int offset) {
        int o = Ascii.decimal(bytes.length, out, offset);
        out[o++] = ':';
        System.arraycopy(bytes, 0, out, o, bytes.length);
        return o + bytes.length;
    }
}
