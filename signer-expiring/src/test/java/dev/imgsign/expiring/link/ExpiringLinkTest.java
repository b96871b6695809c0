package dev.imgsign.expiring.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.SigningKey;
import dev.imgsign.core.Verification;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recommended generic scheme's rules. Exact signatures are checked against CPython in ExpiringVectorsTest. */
class ExpiringLinkTest {
    private static final KeySet KEYS = KeySet.ofUtf8("secret");
    private static final long EXPIRES = 1_700_000_000L;
    /** expiring.json tcId 26 (CPython). */
    private static final String SIGNED = "/avatar/cat.png?expires=1700000000&signature=SSe7gW-w8ahSNhDRveK7AILXKbd36ak2eyfbGG8tcnE";

    private static Clock at(long epoch) {
        return Clock.fixed(Instant.ofEpochSecond(epoch), ZoneOffset.UTC);
    }

    private static ExpiringLinkVerifier verifierAt(long epoch) {
        return ExpiringLinkVerifier.builder(KEYS).clock(at(epoch)).build();
    }

    private static Verification.Rejected<ExpiringLink> rejected(Verification<ExpiringLink> v) {
        assertFalse(v.isAccepted(), () -> v.toString());
        return (Verification.Rejected<ExpiringLink>) v;
    }

    private static byte[] canonical(String path, List<String[]> params, long expires) {
        return CanonicalString.of(path.getBytes(StandardCharsets.UTF_8),
                params.stream().map(p -> p[0].getBytes(StandardCharsets.UTF_8)).toList(),
                params.stream().map(p -> p[1].getBytes(StandardCharsets.UTF_8)).toList(), expires);
    }

    @Test
    void canonicalStringSeparatesWhatConcatenationWouldMerge() {
        List<byte[]> distinct = List.of(
                canonical("/a", List.<String[]>of(new String[] {"b", "c"}), 1),
                canonical("/a", List.<String[]>of(new String[] {"bc", ""}), 1),
                canonical("/a", List.<String[]>of(new String[] {"b", "c1"}), 1),
                canonical("/a", List.<String[]>of(new String[] {"b", "c"}), 11),
                canonical("/a", List.<String[]>of(new String[] {"b=c", ""}), 1),
                canonical("/a", List.<String[]>of(new String[] {"b", "c"}, new String[] {"d", "e"}), 1),
                canonical("/a", List.<String[]>of(new String[] {"b", "c1:d1:e\n"}), 1),
                canonical("/a1:b", List.<String[]>of(), 1),
                canonical("/a", List.<String[]>of(new String[] {"1:b", ""}), 1),
                canonical("/a\n0\n", List.<String[]>of(), 1));
        for (int i = 0; i < distinct.size(); i++) {
            for (int j = i + 1; j < distinct.size(); j++) {
                assertFalse(java.util.Arrays.equals(distinct.get(i), distinct.get(j)), i + " vs " + j);
            }
        }
        assertArrayEquals("imgsign-expiring-v1\n2:/a\n0\n7".getBytes(StandardCharsets.US_ASCII),
                canonical("/a", List.<String[]>of(), 7));
    }

    @Test
    void statuses() {
        assertTrue(verifierAt(EXPIRES).verify(SIGNED).isAccepted(), "valid up to and including expires");
        Verification.Rejected<ExpiringLink> expired = rejected(verifierAt(EXPIRES + 1).verify(SIGNED));
        assertEquals(Rejection.EXPIRED, expired.reason());
        assertEquals(410, expired.httpStatus());
        ExpiringLinkVerifier seedStyle = ExpiringLinkVerifier.builder(KEYS).clock(at(EXPIRES + 1))
                .expiredStatus(404).build();
        assertEquals(404, rejected(seedStyle.verify(SIGNED)).httpStatus());
        Clock halfSecondLate = Clock.fixed(Instant.ofEpochSecond(EXPIRES, 500_000_000), ZoneOffset.UTC);
        assertEquals(Rejection.EXPIRED, rejected(ExpiringLinkVerifier.builder(KEYS).clock(halfSecondLate)
                .build().verify(SIGNED)).reason());

        String sig = "signature=SSe7gW-w8ahSNhDRveK7AILXKbd36ak2eyfbGG8tcnE";
        for (String target : new String[] {"/avatar/cat.png", "/avatar/cat.png?" + sig, "/avatar/cat.png?expires=1700000000",
                "/avatar/cat.png?expires=&" + sig, "/avatar/cat.png?expires=01700000000&" + sig,
                "/avatar/cat.png?expires=%2B1700000000&" + sig, "/avatar/cat.png?expires=-1&" + sig,
                "/avatar/cat.png?expires=17e8&" + sig, "/avatar/cat.png?expires=1700000000&expires=1700000000&" + sig,
                SIGNED + "&" + sig, SIGNED + "&", "/avatar/cat.png?&expires=1700000000&" + sig, SIGNED + "&x=%zz",
                "avatar/cat.png?expires=1700000000&" + sig, "/avatar/cat png?expires=1700000000&" + sig,
                "/avatar/cat.png?expires=99999999999999999999&" + sig, null}) {
            Verification.Rejected<ExpiringLink> r = rejected(verifierAt(EXPIRES).verify(target));
            assertEquals(Rejection.MALFORMED, r.reason(), target);
            assertEquals(400, r.httpStatus(), target);
        }
        for (String target : new String[] {SIGNED.replace("cat", "dog"), SIGNED.replace("1700000000", "1700000001"),
                SIGNED + "&extra=1", SIGNED.substring(0, SIGNED.length() - 1) + "A", SIGNED.substring(0, SIGNED.length() - 1) + "F",
                SIGNED.substring(0, SIGNED.length() - 1), SIGNED + "A", SIGNED.replace("/avatar/", "/avatar%2F").replace("%2Fcat", "%2Fcat")}) {
            Verification.Rejected<ExpiringLink> r = rejected(verifierAt(EXPIRES).verify(target));
            assertEquals(Rejection.BAD_SIGNATURE, r.reason(), target);
            assertEquals(403, r.httpStatus(), target);
        }
        assertEquals(Rejection.TOO_LONG, rejected(verifierAt(EXPIRES).verify("/" + "a".repeat(5000))).reason());
    }

    @Test
    void signatureIsCheckedBeforeExpiry() {
        Verification.Rejected<ExpiringLink> r = rejected(verifierAt(EXPIRES + 100).verify(SIGNED.replace("cat", "dog")));
        assertEquals(Rejection.BAD_SIGNATURE, r.reason());
    }

    @Test
    void leewayExtendsValidityBySeconds() {
        ExpiringLinkVerifier lenient = ExpiringLinkVerifier.builder(KEYS).clock(at(EXPIRES + 30)).leewaySeconds(30).build();
        assertTrue(lenient.verify(SIGNED).isAccepted());
        ExpiringLinkVerifier tooLate = ExpiringLinkVerifier.builder(KEYS).clock(at(EXPIRES + 31)).leewaySeconds(30).build();
        assertEquals(Rejection.EXPIRED, rejected(tooLate.verify(SIGNED)).reason());
    }

    @Test
    void paramsAreBoundInOrderAndDecoded() {
        ExpiringLinkSigner signer = ExpiringLinkSigner.builder(KEYS).build();
        String url = signer.sign(ExpiringLink.of("/i.png", EXPIRES).withParam("a", "1").withParam("b", "2"));
        assertTrue(url.startsWith("/i.png?a=1&b=2&expires=1700000000&signature="), url);
        ExpiringLinkVerifier verifier = verifierAt(EXPIRES);
        ExpiringLink back = verifier.verify(url).orElseThrow();
        assertEquals("1", back.param("a"));
        assertEquals("2", back.param("b"));
        assertEquals(Rejection.BAD_SIGNATURE, rejected(verifier.verify(url.replace("a=1&b=2", "b=2&a=1"))).reason());
        assertEquals(Rejection.BAD_SIGNATURE, rejected(verifier.verify(url.replace("a=1&", ""))).reason());
        // the expiry and signature may sit anywhere: they are not signed as parameters
        String moved = url.replace("a=1&b=2&", "") .replace("?", "?a=1&") + "&b=2";
        assertTrue(verifier.verify(moved).isAccepted(), moved);
        // equivalent encodings of the same decoded value verify
        String tilde = signer.sign(ExpiringLink.of("/i.png", EXPIRES).withParam("v", "a~b c+d"));
        assertTrue(tilde.contains("v=a~b%20c%2Bd&"), tilde);
        assertTrue(verifier.verify(tilde.replace("a~b%20c", "a%7Eb+c")).isAccepted());
    }

    @Test
    void customParameterNamesAndHost() {
        ExpiringLinkSigner signer = ExpiringLinkSigner.builder(KEYS).expiresParam("e").signatureParam("s")
                .host("https://img.example/").build();
        String url = signer.sign(ExpiringLink.of("/avatar/cat.png", EXPIRES));
        assertEquals("https://img.example/avatar/cat.png?e=1700000000&s=SSe7gW-w8ahSNhDRveK7AILXKbd36ak2eyfbGG8tcnE", url);
        ExpiringLinkVerifier verifier = ExpiringLinkVerifier.builder(KEYS).clock(at(EXPIRES))
                .expiresParam("e").signatureParam("s").build();
        assertTrue(verifier.verify(url.substring("https://img.example".length())).isAccepted());
        assertEquals(Rejection.MALFORMED, rejected(verifierAt(EXPIRES).verify(url.substring(19))).reason());
    }

    @Test
    void signForDurationUsesTheClock() {
        ExpiringLinkSigner signer = ExpiringLinkSigner.builder(KEYS).clock(at(EXPIRES - 600)).build();
        assertEquals(SIGNED, signer.sign("/avatar/cat.png", Duration.ofMinutes(10)));
    }

    @Test
    void keyRotation() {
        KeySet rotated = KeySet.of(SigningKey.ofUtf8("next").withId("next"), SigningKey.ofUtf8("secret").withId("prev"));
        Verification.Accepted<ExpiringLink> a = (Verification.Accepted<ExpiringLink>)
                ExpiringLinkVerifier.builder(rotated).clock(at(EXPIRES)).build().verify(SIGNED);
        assertEquals("prev", a.keyId());
        String fresh = ExpiringLinkSigner.builder(rotated).build().sign(ExpiringLink.of("/avatar/cat.png", EXPIRES));
        assertNotEquals(SIGNED, fresh);
        assertFalse(verifierAt(EXPIRES).verify(fresh).isAccepted());
    }

    @Test
    void badSigningInputNamesTheProblem() {
        ExpiringLinkSigner signer = ExpiringLinkSigner.builder(KEYS).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> signer.sign(ExpiringLink.of("cat.png", 1)))
                .getMessage().contains("'/'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> signer.sign(ExpiringLink.of("/cat png", 1)))
                .getMessage().contains("percent-encoded"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> signer.sign(ExpiringLink.of("/a?b", 1)))
                .getMessage().contains("percent-encoded"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> signer.sign(ExpiringLink.of("/a%zz", 1)))
                .getMessage().contains("'%'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> signer.sign(ExpiringLink.of("/a", -1)))
                .getMessage().contains("negative"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> signer.sign(ExpiringLink.of("/a", 1).withParam("expires", "2"))).getMessage().contains("reserved"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> signer.sign(ExpiringLink.of("/a", 1).withParam("", "2"))).getMessage().contains("empty"));
        assertThrows(IllegalArgumentException.class, () -> signer.sign((ExpiringLink) null));
        assertThrows(IllegalArgumentException.class, () -> signer.sign("/a", Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> ExpiringLinkSigner.builder(null));
        assertThrows(IllegalArgumentException.class,
                () -> ExpiringLinkSigner.builder(KEYS).expiresParam("x").signatureParam("x").build());
        assertThrows(IllegalArgumentException.class, () -> ExpiringLinkVerifier.builder(KeySet.ofUtf8("k")).expiredStatus(200));
        assertThrows(IllegalArgumentException.class, () -> ExpiringLinkVerifier.builder(KeySet.ofUtf8("k")).expiresParam("a b"));
    }
}
