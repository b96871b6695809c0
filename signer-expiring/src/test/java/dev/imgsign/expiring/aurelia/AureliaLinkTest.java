package dev.imgsign.expiring.aurelia;

import dev.imgsign.core.KeySet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.Rejection;
import dev.imgsign.core.Verification;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Seed 001's aurelia links beyond the vectors: Go's Atoi, malformed hashes, bad input. */
class AureliaLinkTest {
    private static final String SECRET = "super secret code";

    private static long atoi(String s) {
        return AureliaLinkVerifier.atoi(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Outcomes printed by go1.19 strconv.Atoi for the same inputs. */
    @Test
    void atoiAsGo() {
        assertEquals(1700000000L, atoi("1700000000"));
        assertEquals(1700000000L, atoi("+1700000000"));
        assertEquals(1700000000L, atoi("01700000000"));
        assertEquals(-5L, atoi("-5"));
        assertEquals(0L, atoi("-0"));
        assertEquals(Long.MAX_VALUE, atoi("9223372036854775807"));
        for (String bad : new String[] {"1700000000 ", " 1700000000", "", "17e8", "0x10", "1_700",
                "9223372036854775808", "\u0661\u0662", "+", "-"}) {
            assertEquals(Long.MIN_VALUE, atoi(bad), bad);
        }
    }

    @Test
    void malformedHashesAreRejectedNeverThrown() {
        byte[] c = SECRET.getBytes(StandardCharsets.UTF_8);
        byte[] k = "1731744015image.jpg".getBytes(StandardCharsets.UTF_8);
        for (String hash : new String[] {"", "AURELIA_abc", "AURELIA_abc.def", "AURELIAabc.def.UC_x", "AURELIA_a.b.UCx",
                "...", "_._._", "AURELIA_" + "a".repeat(600) + ".b.UC_c", "AURELIA_a.b.UC_" + "0".repeat(64) + "_x",
                "AURELIA_a.b.UC_" + "0".repeat(63)}) {
            assertFalse(Aurelia.authenticate(c, k, hash.getBytes(StandardCharsets.UTF_8)), hash);
        }
    }

    @Test
    void signAndVerifyWithTheClock() {
        Clock now = Clock.fixed(Instant.ofEpochSecond(1731744000L), ZoneOffset.UTC);
        AureliaLinkSigner signer = AureliaLinkSigner.builder(KeySet.ofUtf8(SECRET)).clock(now).build();
        String url = signer.sign("/avatar/image.jpg", Duration.ofSeconds(15));
        assertTrue(url.startsWith("/avatar/image.jpg?signature=AURELIA_") && url.endsWith("&expires_at=1731744015"), url);
        assertTrue(AureliaLinkVerifier.builder(KeySet.ofUtf8(SECRET)).clock(now).build().verify(url).isAccepted());
        Clock late = Clock.fixed(Instant.ofEpochSecond(1731744016L), ZoneOffset.UTC);
        Verification.Rejected<AureliaLink> r = (Verification.Rejected<AureliaLink>)
                AureliaLinkVerifier.builder(KeySet.ofUtf8(SECRET)).clock(late).build().verify(url);
        assertEquals(Rejection.EXPIRED, r.reason());
        assertEquals(404, r.httpStatus());
        assertEquals(410, ((Verification.Rejected<AureliaLink>) AureliaLinkVerifier.builder(KeySet.ofUtf8(SECRET)).clock(late)
                .expiredStatus(410).build().verify(url)).httpStatus());
        assertFalse(url.equals(signer.sign("/avatar/image.jpg", Duration.ofSeconds(15))), "a fresh UUID every time");
    }

    @Test
    void imageNameIsTheDecodedLastSegment() {
        assertEquals("caf\u00e9 1.jpg", new AureliaLink("/a/caf%C3%A9%201.jpg", 1).imageName());
        Clock now = Clock.fixed(Instant.ofEpochSecond(1L), ZoneOffset.UTC);
        String url = AureliaLinkSigner.builder(KeySet.ofUtf8(SECRET)).clock(now).build().sign(new AureliaLink("/a/caf%C3%A9.jpg", 1));
        AureliaLinkVerifier verifier = AureliaLinkVerifier.builder(KeySet.ofUtf8(SECRET)).clock(now).build();
        assertTrue(verifier.verify(url).isAccepted());
        assertTrue(verifier.verify(url.replace("/a/", "/b/")).isAccepted(), "only the name is signed, as in seed 001");
        assertFalse(verifier.verify(url.replace("caf", "cof")).isAccepted());
    }

    @Test
    void badInput() {
        AureliaLinkSigner signer = AureliaLinkSigner.builder(KeySet.ofUtf8(SECRET)).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> signer.sign(new AureliaLink("/avatar/", 1)))
                .getMessage().contains("image name"));
        assertThrows(IllegalArgumentException.class, () -> signer.sign(new AureliaLink("avatar.jpg", 1)));
        assertThrows(IllegalArgumentException.class, () -> signer.sign(new AureliaLink("/a.jpg", -1)));
        assertThrows(IllegalArgumentException.class, () -> signer.sign((AureliaLink) null));
        AureliaLinkVerifier verifier = AureliaLinkVerifier.builder(KeySet.ofUtf8(SECRET)).build();
        assertEquals(Rejection.MALFORMED, verifier.verify((String) null).rejection().orElseThrow());
        assertEquals(Rejection.MALFORMED, verifier.verify("/avatar/?signature=a&expires_at=1").rejection().orElseThrow());
        assertEquals(Rejection.TOO_LONG, verifier.verify("/" + "a".repeat(3000)).rejection().orElseThrow());
        long soon = Instant.now().getEpochSecond() + 60;
        assertEquals(Rejection.BAD_SIGNATURE,
                verifier.verify("/a.jpg?signature=AURELIA_x&expires_at=" + soon).rejection().orElseThrow());
        assertFalse(verifier.toString().contains(SECRET));
    }
}
