package dev.imgsign.expiring;

import dev.imgsign.core.Hmac;
import dev.imgsign.core.HmacAlgorithm;

/**
 * PBKDF2 (RFC 8018 section 5.2) with HMAC-SHA1 over raw password bytes. The JDK's
 * {@code PBKDF2WithHmacSHA1} takes the password as {@code char[]} and so cannot take the binary
 * password aurelia uses; this composes the core {@link Hmac} instead (no hand-written hash).
 */
final class Pbkdf2 {
    private Pbkdf2() {
    }

    static byte[] hmacSha1(byte[] password, byte[] salt, int iterations, int length) {
        Hmac prf = Hmac.ofRawKey(HmacAlgorithm.SHA1, password);
        int hLen = HmacAlgorithm.SHA1.macLength();
        byte[] out = new byte[length];
        byte[] first = new byte[salt.length + 4];
        System.arraycopy(salt, 0, first, 0, salt.length);
        for (int block = 1, offset = 0; offset < length; block++, offset += hLen) {
            first[salt.length] = (byte) (block >>> 24);
            first[salt.length + 1] = (byte) (block >>> 16);
            first[salt.length + 2] = (byte) (block >>> 8);
            first[salt.length + 3] = (byte) block;
            byte[] u = prf.mac(first);
            byte[] t = u.clone();
            for (int i = 1; i < iterations; i++) {
                u = prf.mac(u);
                for (int j = 0; j < t.length; j++) {
                    t[j] ^= u[j];
                }
            }
            System.arraycopy(t, 0, out, offset, Math.min(hLen, length - offset));
        }
        return out;
    }
}
