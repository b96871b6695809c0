package dev.imgsign.expiring.aurelia;

import dev.imgsign.core.spi.ConstantTime;
import dev.imgsign.core.spi.Hmac;
import dev.imgsign.core.spi.HmacAlgorithm;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The aurelia hash (Go package codefluence-x/aurelia, {@code Hash(credential, key)} and
 * {@code Authenticate(credential, key, hash)}), for seed 001's links.
 *
 * <p>{@code Hash}: a random UUIDv4 {@code u} in its 36-character lower-case form;
 * {@code salt = HMAC-SHA1(key = K‖u‖u, msg = u‖u)}; {@code uu = HMAC-SHA1(key = C‖K, msg = hex(salt))};
 * {@code dk = PBKDF2-HMAC-SHA1(password = uu, salt = hex(salt), 4096, 32)}; result
 * {@code AURELIA_<hex salt>.<hex uu>.UC_<hex dk>}, lower-case hex.
 *
 * <p>{@code Authenticate} parses as aurelia does: the salt is the text before the first {@code .},
 * between its first and second {@code _}; the expected dk is the third {@code .}-separated part,
 * between its first and second {@code _}; the middle part is ignored. Where aurelia panics (too few
 * separators) this returns {@code false}. Each authentication costs 8192 HMAC-SHA1 computations.
 */
final class Aurelia {
    static final int ITERATIONS = 4096;
    static final int DK_LENGTH = 32;
    /** Longer hashes are refused before any work; a real one is 157 characters. */
    static final int MAX_HASH_LENGTH = 512;
    private static final HexFormat HEX = HexFormat.of();

    private Aurelia() {
    }

    static String hash(byte[] credential, byte[] key, UUID uuid) {
        byte[] u = uuid.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] uu2 = concat(u, u);
        byte[] salt = Hmac.ofRawKey(HmacAlgorithm.SHA1, concat(key, uu2)).mac(uu2);
        byte[] saltHex = HEX.formatHex(salt).getBytes(StandardCharsets.US_ASCII);
        byte[] userUnique = Hmac.ofRawKey(HmacAlgorithm.SHA1, concat(credential, key)).mac(saltHex);
        byte[] dk = Pbkdf2.hmacSha1(userUnique, saltHex, ITERATIONS, DK_LENGTH);
        return "AURELIA_" + HEX.formatHex(salt) + "." + HEX.formatHex(userUnique) + ".UC_" + HEX.formatHex(dk);
    }

    static boolean authenticate(byte[] credential, byte[] key, byte[] hash) {
        if (hash.length > MAX_HASH_LENGTH) {
            return false;
        }
        int dot1 = indexOf(hash, (byte) '.', 0, hash.length);
        if (dot1 < 0) {
            return false;
        }
        int dot2 = indexOf(hash, (byte) '.', dot1 + 1, hash.length);
        if (dot2 < 0) {
            return false;
        }
        int dot3 = indexOf(hash, (byte) '.', dot2 + 1, hash.length);
        int thirdEnd = dot3 < 0 ? hash.length : dot3;
        int us1 = indexOf(hash, (byte) '_', 0, dot1);
        if (us1 < 0) {
            return false;
        }
        int us2 = indexOf(hash, (byte) '_', us1 + 1, dot1);
        byte[] salt = slice(hash, us1 + 1, us2 < 0 ? dot1 : us2);
        int us3 = indexOf(hash, (byte) '_', dot2 + 1, thirdEnd);
        if (us3 < 0) {
            return false;
        }
        int us4 = indexOf(hash, (byte) '_', us3 + 1, thirdEnd);
        byte[] expected = slice(hash, us3 + 1, us4 < 0 ? thirdEnd : us4);
        if (expected.length != 2 * DK_LENGTH) {
            return false; // cannot equal a 64-digit hex dk: skip the PBKDF2 work
        }
        byte[] userUnique = Hmac.ofRawKey(HmacAlgorithm.SHA1, concat(credential, key)).mac(salt);
        byte[] dk = Pbkdf2.hmacSha1(userUnique, salt, ITERATIONS, DK_LENGTH);
        return ConstantTime.equals(HEX.formatHex(dk).getBytes(StandardCharsets.US_ASCII), expected);
    }

    private static int indexOf(byte[] a, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] slice(byte[] a, int from, int to) {
        byte[] out = new byte[to - from];
        System.arraycopy(a, from, out, 0, out.length);
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
