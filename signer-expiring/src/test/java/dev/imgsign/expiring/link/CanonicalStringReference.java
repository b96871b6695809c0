package dev.imgsign.expiring.link;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The original canonical-string writer (a ByteArrayOutputStream and decimal strings), kept as the
 * reference that {@link CanonicalString}'s one-array writer is compared with.
 */
final class CanonicalStringReference {
    static final byte[] TAG = "imgsign-expiring-v1\n".getBytes(StandardCharsets.US_ASCII);

    private CanonicalStringReference() {
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
