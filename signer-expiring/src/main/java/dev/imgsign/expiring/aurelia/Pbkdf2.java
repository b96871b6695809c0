package dev.imgsign.expiring.aurelia;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * PBKDF2 (RFC 8018 section 5.2) with HMAC-SHA1 (RFC 2104) over raw password bytes, allocation-free
 * across its rounds. The JDK's {@code PBKDF2WithHmacSHA1} takes the password as {@code char[]} and so
 * cannot take the binary password aurelia uses.
 *
 * <p>Each round is an HMAC of the previous 20-byte output. The JDK's SHA-1 ({@link MessageDigest}, never
 * a hand-written hash) is fed {@code key ^ ipad}, the message, {@code key ^ opad} and the inner hash,
 * and writes into one preallocated 20-byte buffer with {@link MessageDigest#digest(byte[], int, int)},
 * which also resets it. A round thus allocates nothing, where cloning precomputed pad states (as core's
 * {@code Hmac} does) would allocate two digest objects per round, about 3.2 MB per aurelia check; the
 * price is re-hashing the two 64-byte pad blocks each round (4 SHA-1 blocks per round instead of 2).
 * The allocation per call is constant: two pad blocks, two 20-byte buffers, the output, one digest.
 */
final class Pbkdf2 {
    private static final int BLOCK = 64;
    private static final int H_LEN = 20;

    private Pbkdf2() {
    }

    static byte[] hmacSha1(byte[] password, byte[] salt, int iterations, int length) {
        MessageDigest sha1 = sha1();
        byte[] key = password.length > BLOCK ? sha1.digest(password) : password;
        byte[] ipad = new byte[BLOCK];
        byte[] opad = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            byte k = i < key.length ? key[i] : 0;
            ipad[i] = (byte) (k ^ 0x36);
            opad[i] = (byte) (k ^ 0x5c);
        }
        byte[] out = new byte[length];
        byte[] u = new byte[H_LEN];
        byte[] t = new byte[H_LEN];
        byte[] index = new byte[4];
        try {
            for (int block = 1, offset = 0; offset < length; block++, offset += H_LEN) {
                index[0] = (byte) (block >>> 24);
                index[1] = (byte) (block >>> 16);
                index[2] = (byte) (block >>> 8);
                index[3] = (byte) block;
                // U1 = HMAC(P, S || INT(i))
                sha1.update(ipad);
                sha1.update(salt);
                sha1.update(index);
                sha1.digest(u, 0, H_LEN);
                sha1.update(opad);
                sha1.update(u);
                sha1.digest(u, 0, H_LEN);
                System.arraycopy(u, 0, t, 0, H_LEN);
                for (int round = 1; round < iterations; round++) {
                    // Uj = HMAC(P, Uj-1), in place; T ^= Uj
                    sha1.update(ipad);
                    sha1.update(u);
                    sha1.digest(u, 0, H_LEN);
                    sha1.update(opad);
                    sha1.update(u);
                    sha1.digest(u, 0, H_LEN);
                    for (int j = 0; j < H_LEN; j++) {
                        t[j] ^= u[j];
                    }
                }
                System.arraycopy(t, 0, out, offset, Math.min(H_LEN, length - offset));
            }
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-1 does not fit its own length", e);
        } finally {
            Arrays.fill(ipad, (byte) 0);
            Arrays.fill(opad, (byte) 0);
            Arrays.fill(u, (byte) 0);
            Arrays.fill(t, (byte) 0);
        }
        return out;
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-1", e);
        }
    }
}
