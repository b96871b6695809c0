package dev.imgsign.core;

import dev.imgsign.core.spi.Hmac;
import dev.imgsign.core.spi.HmacAlgorithm;
import dev.imgsign.core.spi.HmacKeyRing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class KeySetTest {

    @Property(tries = 100)
    void ringSignsWithThePrimaryAndVerifiesWithEveryKey(@ForAll @IntRange(min = 1, max = 16) int keyCount,
                                                         @ForAll @Size(max = 100) byte[] message,
                                                         @ForAll HmacAlgorithm algorithm) {
        List<SigningKey> keys = new ArrayList<>();
        for (int i = 0; i < keyCount; i++) {
            keys.add(SigningKey.ofUtf8("key-" + i).withId("id" + i));
        }
        HmacKeyRing ring = HmacKeyRing.of(algorithm, KeySet.of(keys));

        byte[] signedByRing = ring.sign(message);
        assertEquals(0, ring.match(message, signedByRing), "the ring signs with the primary key");
        for (int i = 0; i < keyCount; i++) {
            byte[] signedByKeyI = Hmac.of(algorithm, keys.get(i)).mac(message);
            assertEquals(i, ring.match(message, signedByKeyI), "key " + i + " verifies and is reported");
            byte[] truncated = java.util.Arrays.copyOf(signedByKeyI, 12);
            assertEquals(i, ring.matchTruncated(message, truncated, 12));
        }
        byte[] foreign = Hmac.of(algorithm, SigningKey.ofUtf8("not-in-the-set")).mac(message);
        assertEquals(HmacKeyRing.NO_MATCH, ring.match(message, foreign));
    }

    @Property(tries = 50)
    void keysAreTriedInOrderSoADuplicateReportsTheFirst(@ForAll @StringLength(min = 1, max = 20) String secret) {
        KeySet keys = KeySet.of(SigningKey.ofUtf8("other"), SigningKey.ofUtf8(secret), SigningKey.ofUtf8(secret));
        byte[] message = "m".getBytes(StandardCharsets.US_ASCII);
        byte[] mac = Hmac.of(HmacAlgorithm.SHA1, SigningKey.ofUtf8(secret)).mac(message);
        int expected = secret.equals("other") ? 0 : 1;
        assertEquals(expected, HmacKeyRing.of(HmacAlgorithm.SHA1, keys).match(message, mac));
    }

    @Test
    void emptyAndOversizedSetsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> KeySet.of(List.of()));
        List<SigningKey> many = Collections.nCopies(KeySet.MAX_KEYS + 1, SigningKey.ofUtf8("k"));
        assertThrows(IllegalArgumentException.class, () -> KeySet.of(many));
        assertEquals(KeySet.MAX_KEYS, KeySet.of(many.subList(0, KeySet.MAX_KEYS)).size());
    }

    @Test
    void primaryIsTheFirstKey() {
        SigningKey primary = SigningKey.ofUtf8("new");
        SigningKey old = SigningKey.ofUtf8("old");
        KeySet keys = KeySet.of(primary, old);
        assertEquals(primary, keys.primary());
        assertEquals(List.of(primary, old), keys.keys());
        assertThrows(UnsupportedOperationException.class, () -> keys.keys().add(old));
    }
}
