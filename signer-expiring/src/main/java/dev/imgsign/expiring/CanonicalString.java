package dev.imgsign.expiring;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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

    static byte[] of(byte[] path, List<byte[]> names, List<byte[]> values, long expiresAt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + path.length);
        out.writeBytes(TAG);
        field(out, path);
        out.write('\n');
        ascii(out, Integer.toString(names.size()));
        out.write('\n');
        for (int i = 0; i < names.size(); i++) {
            field(out, names.get(i));
            field(out, values.get(i));
            out.write('\n');
        }
        ascii(out, Long.toString(expiresAt));
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, byte[] bytes) {
        ascii(out, Integer.toString(bytes.length));
        out.write(':');
        out.writeBytes(bytes);
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }
}
