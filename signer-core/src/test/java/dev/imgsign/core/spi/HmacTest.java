package dev.imgsign.core.spi;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.SigningKey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.vectors.TestVectors;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class HmacTest {

    @Test
    void camoPublishedDigestIsHmacSha1OfTheUrl() {
        for (TestVectors.Vector v : TestVectors.load("camo").tests("CamoSign").stream().filter(t -> t.get("encoding").equals("hex")).toList()) {
            Hmac hmac = Hmac.of(HmacAlgorithm.SHA1, SigningKey.ofUtf8(v.get("key")));
            String expectedDigest = v.get("signedUrl").substring(v.get("prefix").length() + 1, v.get("prefix").length() + 41);
            byte[] mac = hmac.mac(v.get("url").getBytes(StandardCharsets.UTF_8));
            assertEquals(expectedDigest, HexFormat.of().formatHex(mac), v.toString());
        }
    }

    @Test
    void imageproxyPublishedSignaturesAreHmacSha256OfTheMessage() {
        List<TestVectors.Vector> vectors = TestVectors.load("imageproxy").tests("ImageproxySignature");
        assertFalse(vectors.isEmpty());
        for (TestVectors.Vector v : vectors) {
            Hmac hmac = Hmac.of(HmacAlgorithm.SHA256, SigningKey.ofUtf8(v.get("key")));
            byte[] message = v.get("message").getBytes(StandardCharsets.UTF_8);
            byte[] expected = Base64.getUrlDecoder().decode(v.get("signature"));
            assertArrayEquals(expected, hmac.mac(message), v.toString());
            assertTrue(hmac.matches(message, expected), v.toString());
        }
    }

    @Test
    void weeklyPublishedSignatureIsTruncatedHmacSha256UnderTheWeekKey() {
        TestVectors.Vector v = TestVectors.load("weekly").tests(t -> t.tcId() == 1).get(0);
        // Seed 002: key = secret + "202152", message = ext_url (first protocol).
        String[] parts = v.get("path").split("/");
        Hmac hmac = Hmac.ofRawKey(HmacAlgorithm.SHA256, (v.get("secret") + "202152").getBytes(StandardCharsets.UTF_8));
        byte[] candidate = Base64.getUrlDecoder().decode(parts[3]);
        assertTrue(hmac.matchesTruncated(parts[4].getBytes(StandardCharsets.US_ASCII), candidate, 12));
        assertFalse(hmac.matchesTruncated(parts[4].getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(candidate, 11), 12));
    }

    @Property(tries = 300)
    void equalsTheJdkMacForAnyKeyAndMessage(@ForAll @Size(min = 1, max = 200) byte[] key,
                                             @ForAll @Size(max = 300) byte[] message,
                                             @ForAll HmacAlgorithm algorithm) throws Exception {
        Mac mac = Mac.getInstance(algorithm.macName());
        mac.init(new SecretKeySpec(key, algorithm.macName()));
        assertArrayEquals(mac.doFinal(message), Hmac.of(algorithm, SigningKey.ofBytes(key)).mac(message));
    }

    @Property(tries = 100)
    void macOfASliceEqualsMacOfTheCopiedSlice(@ForAll @Size(max = 100) byte[] message, @ForAll HmacAlgorithm algorithm) {
        Hmac hmac = Hmac.of(algorithm, SigningKey.ofUtf8("k"));
        int from = message.length / 3;
        int to = message.length - message.length / 4;
        assertArrayEquals(hmac.mac(Arrays.copyOfRange(message, from, to)), hmac.mac(message, from, to - from));
    }

    @Test
    void emptyRawKeyFollowsRfc2104() throws Exception {
        // javax.crypto refuses an empty SecretKeySpec, so compare with a key of one zero byte:
        // RFC 2104 pads keys with zeros, which makes the two keys equivalent.
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(new byte[1], "HmacSHA256"));
        byte[] message = "m".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(mac.doFinal(message), Hmac.ofRawKey(HmacAlgorithm.SHA256, new byte[0]).mac(message));
    }

    @Test
    void truncatedLengthOutOfRangeIsRefused() {
        Hmac hmac = Hmac.of(HmacAlgorithm.SHA1, SigningKey.ofUtf8("k"));
        assertThrows(IllegalArgumentException.class, () -> hmac.matchesTruncated(new byte[0], new byte[0], 0));
        assertThrows(IllegalArgumentException.class, () -> hmac.matchesTruncated(new byte[0], new byte[21], 21));
    }

    @Test
    void sharedInstanceGivesTheSameMacOnManyThreads() throws Exception {
        Hmac hmac = Hmac.of(HmacAlgorithm.SHA256, SigningKey.ofUtf8("shared"));
        byte[] message = "http://example.com/a.png".getBytes(StandardCharsets.US_ASCII);
        byte[] expected = hmac.mac(message);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        if (!Arrays.equals(expected, hmac.mac(message))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void toStringRedactsTheKey() {
        assertFalse(Hmac.of(HmacAlgorithm.SHA1, SigningKey.ofUtf8("topsecret")).toString().contains("topsecret"));
    }

    @Property(tries = 200)
    void aRangeMatchesAsItsCopyDoes(@ForAll byte[] message, @ForAll int from, @ForAll int to, @ForAll boolean flip) {
        int a = Math.floorMod(from, message.length + 1);
        int b = Math.floorMod(to, message.length + 1);
        int offset = Math.min(a, b);
        int length = Math.abs(a - b);
        KeySet keys = KeySet.of(SigningKey.ofUtf8("old"), SigningKey.ofUtf8("new"));
        HmacKeyRing ring = HmacKeyRing.of(HmacAlgorithm.SHA1, keys);
        byte[] range = Arrays.copyOfRange(message, offset, offset + length);
        byte[] candidate = ring.hmac(1).mac(range);
        if (flip) {
            candidate[length % candidate.length] ^= 1;
        }
        assertEquals(ring.hmac(1).matches(range, candidate), ring.hmac(1).matches(message, offset, length, candidate));
        assertEquals(ring.match(range, candidate), ring.match(message, offset, length, candidate));
        assertEquals(flip ? HmacKeyRing.NO_MATCH : 1, ring.match(message, offset, length, candidate));
    }
}
