package dev.imgsign.core.spi;

import dev.imgsign.core.SigningKey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The MAC comparison does not depend on where two MACs first differ: every comparison of a MAC goes
 * through {@link ConstantTime#equals}, which is {@link java.security.MessageDigest#isEqual} (the JDK's
 * comparison that reads every byte of equal-length arrays), and the arrays compared have the MAC's
 * length. Shown on the code itself (which methods the class files call), never by timing.
 */
class MacComparisonTest {

    @Test
    void constantTimeEqualsCallsMessageDigestIsEqualAndCompareNothingItself() throws IOException {
        Set<String> calls = methodRefs(ConstantTime.class);
        assertTrue(calls.contains("java/security/MessageDigest.isEqual([B[B)Z"), calls.toString());
        // No hand-written or early-exit comparison beside it.
        assertEquals(Set.of("java/security/MessageDigest.isEqual([B[B)Z", "java/lang/Object.<init>()V"), calls);
    }

    @Test
    void hmacComparesOnlyThroughConstantTime() throws IOException {
        for (Class<?> c : new Class<?>[] {Hmac.class, HmacKeyRing.class}) {
            Set<String> calls = methodRefs(c);
            for (String call : calls) {
                assertFalse(call.startsWith("java/util/Arrays.equals") || call.startsWith("java/util/Arrays.mismatch")
                        || call.startsWith("java/util/Arrays.compare") || call.startsWith("java/lang/String.equals")
                        || call.startsWith("java/util/Objects.equals"), c.getSimpleName() + " calls " + call);
            }
        }
        assertTrue(methodRefs(Hmac.class).contains("dev/imgsign/core/spi/ConstantTime.equals([B[B)Z"));
    }

    @Test
    void aCandidateDifferingInItsFirstOrLastByteIsRefusedAlike() {
        Hmac hmac = Hmac.of(HmacAlgorithm.SHA256, SigningKey.ofUtf8("key"));
        byte[] message = "message".getBytes(StandardCharsets.US_ASCII);
        byte[] mac = hmac.mac(message);
        assertTrue(hmac.matches(message, mac.clone()));
        for (int position : new int[] {0, mac.length / 2, mac.length - 1}) {
            byte[] changed = mac.clone();
            changed[position] ^= 1;
            assertFalse(hmac.matches(message, changed), "differs at " + position);
        }
        assertFalse(hmac.matches(message, Arrays.copyOf(mac, mac.length - 1)), "a prefix is not the MAC");
        assertFalse(hmac.matches(message, Arrays.copyOf(mac, mac.length + 1)), "nor is a longer value");
    }

    @Test
    void truncatedComparisonIsOverExactlyTheTruncatedLength() {
        Hmac hmac = Hmac.of(HmacAlgorithm.SHA256, SigningKey.ofUtf8("key"));
        byte[] message = "message".getBytes(StandardCharsets.US_ASCII);
        byte[] mac = hmac.mac(message);
        assertTrue(hmac.matchesTruncated(message, Arrays.copyOf(mac, 12), 12));
        assertFalse(hmac.matchesTruncated(message, Arrays.copyOf(mac, 11), 12), "shorter than the scheme's length");
        assertFalse(hmac.matchesTruncated(message, Arrays.copyOf(mac, 13), 12), "longer than the scheme's length");
        // The whole MAC is a valid truncation length; 0 and more than the MAC are not.
        assertTrue(hmac.matchesTruncated(message, mac, 32));
        assertThrows(IllegalArgumentException.class, () -> hmac.matchesTruncated(message, mac, 33));
        assertThrows(IllegalArgumentException.class, () -> hmac.matchesTruncated(message, new byte[0], 0));
        assertTrue(Hmac.of(HmacAlgorithm.SHA1, SigningKey.ofUtf8("key")).matchesTruncated(message,
                Arrays.copyOf(Hmac.of(HmacAlgorithm.SHA1, SigningKey.ofUtf8("key")).mac(message), 1), 1));
    }

    /** RFC 2104: a key of exactly the block size (64 bytes) is used as is; one byte more is hashed first. */
    @Test
    void keysAtTheBlockSizeBoundaryAgreeWithTheJdkMac() throws GeneralSecurityException {
        byte[] message = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
        for (int length : new int[] {63, 64, 65}) {
            byte[] key = new byte[length];
            for (int i = 0; i < length; i++) {
                key[i] = (byte) (i * 7 + 1);
            }
            for (HmacAlgorithm alg : HmacAlgorithm.values()) {
                Mac jdk = Mac.getInstance("Hmac" + alg.name());
                jdk.init(new SecretKeySpec(key, "Hmac" + alg.name()));
                assertArrayEquals(jdk.doFinal(message), Hmac.ofRawKey(alg, key).mac(message), alg + " key " + length);
                assertArrayEquals(jdk.doFinal(message), Hmac.of(alg, SigningKey.ofBytes(key)).mac(message));
            }
        }
    }

    /**
     * The {@code Methodref} and {@code InterfaceMethodref} entries of a class file's constant pool, as
     * {@code owner.name(descriptor)}: every method the class can call (JVMS 4.4).
     */
    static Set<String> methodRefs(Class<?> c) throws IOException {
        String resource = "/" + c.getName().replace('.', '/') + ".class";
        try (InputStream in = c.getResourceAsStream(resource); DataInputStream data = new DataInputStream(in)) {
            data.readInt(); // magic
            data.readUnsignedShort(); // minor
            data.readUnsignedShort(); // major
            int count = data.readUnsignedShort();
            Object[] pool = new Object[count];
            int[][] refs = new int[count][];
            for (int i = 1; i < count; i++) {
                int tag = data.readUnsignedByte();
                switch (tag) {
                    case 1: // Utf8
                        pool[i] = data.readUTF();
                        break;
                    case 7: case 8: case 16: case 19: case 20: // Class, String, MethodType, Module, Package
                        refs[i] = new int[] {tag, data.readUnsignedShort()};
                        break;
                    case 3: case 4: // Integer, Float
                        data.readInt();
                        break;
                    case 5: case 6: // Long, Double take two slots
                        data.readLong();
                        i++;
                        break;
                    case 9: case 10: case 11: case 12: case 17: case 18: // refs, NameAndType, dynamic
                        refs[i] = new int[] {tag, data.readUnsignedShort(), data.readUnsignedShort()};
                        break;
                    case 15: // MethodHandle
                        data.readUnsignedByte();
                        data.readUnsignedShort();
                        break;
                    default:
                        throw new IOException("unknown constant pool tag " + tag);
                }
            }
            Set<String> out = new HashSet<>();
            for (int[] r : refs) {
                if (r != null && (r[0] == 10 || r[0] == 11)) {
                    String owner = (String) pool[refs[r[1]][1]];
                    int[] nameAndType = refs[r[2]];
                    out.add(owner + "." + pool[nameAndType[1]] + pool[nameAndType[2]]);
                }
            }
            return out;
        }
    }
}
