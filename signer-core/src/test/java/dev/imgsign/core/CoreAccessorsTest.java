package dev.imgsign.core;

import dev.imgsign.core.spi.Hmac;
import dev.imgsign.core.spi.HmacAlgorithm;
import dev.imgsign.core.spi.HmacKeyRing;
import dev.imgsign.core.spi.SchemeConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Accessors, key rings and the redacting toString of core types. */
class CoreAccessorsTest {
    private static final String SECRET = "s3cr3t-value";

    @Test
    void toStringNeverShowsTheSecretButSaysWhatItIs() {
        SigningKey key = SigningKey.ofUtf8(SECRET).withId("2026-q4");
        KeySet keys = KeySet.of(key, SigningKey.ofUtf8("other-secret"));
        HmacKeyRing ring = HmacKeyRing.of(HmacAlgorithm.SHA1, keys);
        SchemeConfig config = SchemeConfig.builder().keys(keys).option("a", "b").build();
        for (Object o : new Object[] {key, keys, ring, Hmac.of(HmacAlgorithm.SHA256, key), config}) {
            String s = o.toString();
            assertFalse(s.contains(SECRET) || s.contains("other-secret"), s);
            assertTrue(s.contains("redacted"), s);
        }
        assertTrue(keys.toString().contains("2026-q4"), "ids are not secret");
        assertTrue(ring.toString().contains("2 keys"));
        assertTrue(config.toString().contains("a=b"));
        assertTrue(Hmac.of(HmacAlgorithm.SHA256, key).toString().contains("SHA256"));
    }

    @Test
    void keyRingExposesOneHmacPerKeyInOrder() {
        SigningKey first = SigningKey.ofUtf8("first");
        SigningKey second = SigningKey.ofUtf8("second");
        KeySet keys = KeySet.of(first, second);
        HmacKeyRing ring = HmacKeyRing.of(HmacAlgorithm.SHA256, keys);
        byte[] message = "m".getBytes(StandardCharsets.US_ASCII);
        assertSame(keys, ring.keys());
        assertEquals(2, ring.size());
        assertEquals(HmacAlgorithm.SHA256, ring.hmac(1).algorithm());
        byte[] bySecond = Hmac.of(HmacAlgorithm.SHA256, second).mac(message);
        assertEquals(1, ring.match(message, bySecond));
        assertEquals(1, ring.matchTruncated(message, java.util.Arrays.copyOf(bySecond, 12), 12));
        assertEquals(0, ring.matchTruncated(message, java.util.Arrays.copyOf(ring.sign(message), 12), 12));
        assertEquals(HmacKeyRing.NO_MATCH, ring.matchTruncated(message, new byte[12], 12));
        assertEquals(HmacKeyRing.NO_MATCH, ring.match(message, new byte[32]));
        assertEquals(HmacKeyRing.NO_MATCH, ring.matchTruncated(message, java.util.Arrays.copyOf(bySecond, 12), 32));
    }

    @Test
    void keyLengthIsTheSecretsByteCount() {
        assertEquals(3, SigningKey.ofUtf8("abc").length());
        assertEquals(2, SigningKey.ofUtf8("é").length());
        assertEquals(4, SigningKey.ofHex("00ff00ff").length());
    }

    @Test
    void base64KeysOfEitherAlphabet() {
        // "-" and "_" select the URL-safe alphabet wherever they are, even first; "+" and "/" the standard one.
        assertEquals(3, SigningKey.ofBase64("-AAA").length());
        assertEquals(3, SigningKey.ofBase64("_AAA").length());
        assertEquals(3, SigningKey.ofBase64("+//+").length());
        assertThrows(IllegalArgumentException.class, () -> SigningKey.ofBase64("+/-_"));
    }

    @Test
    void schemeConfigOptionsAndKeys() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("x", "1");
        given.put("y", "2");
        Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        SchemeConfig config = SchemeConfig.builder().options(given).clock(clock).build();
        assertFalse(config.hasKeys());
        assertThrows(IllegalArgumentException.class, config::keys);
        assertEquals(Optional.of("1"), config.option("x"));
        assertEquals(Optional.empty(), config.option("z"));
        assertEquals(given, config.options());
        assertSame(clock, config.clock());
        assertTrue(SchemeConfig.builder().keys(KeySet.ofUtf8("k")).build().hasKeys());
    }

    @Test
    void verificationExceptionCarriesTheRejection() {
        Verification<String> rejected = Verification.rejected(Rejection.EXPIRED, "too late", 404);
        VerificationException e = assertThrows(VerificationException.class, rejected::orElseThrow);
        assertEquals(rejected, e.rejected());
        assertEquals(Rejection.EXPIRED, e.reason());
        assertEquals(404, e.httpStatus());
        assertTrue(e.getMessage().contains("too late"));
    }
}
