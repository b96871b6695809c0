package dev.imgsign.expiring.aurelia;

import dev.imgsign.core.spi.Hmac;
import dev.imgsign.core.spi.HmacAlgorithm;

/**
 * The PBKDF2 implementation before issue 13 (one {@link Hmac} call per round, each cloning two digests
 * and allocating its output): kept as the reference the allocation-free {@link Pbkdf2} must equal.
 */
final class Pbkdf2Reference {
    private Pbkdf2Reference() {
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
