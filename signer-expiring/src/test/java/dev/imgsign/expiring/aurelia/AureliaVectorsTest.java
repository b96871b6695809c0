package dev.imgsign.expiring.aurelia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.Verification;
import dev.imgsign.vectors.TestVectors;
import dev.imgsign.vectors.TestVectors.Vector;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every vector of expiring.json (its hmac group is link.ExpiringVectorsTest's). */
class AureliaVectorsTest {
    private static final TestVectors VECTORS = TestVectors.load("expiring");

    static Stream<Vector> aureliaHashes() {
        return VECTORS.tests("AureliaHash").stream();
    }

    static Stream<Vector> aureliaLinks() {
        return VECTORS.tests("AureliaLink").stream();
    }

    static Stream<Vector> aureliaVerifications() {
        return VECTORS.tests("AureliaVerify").stream();
    }

    @Test
    void everyGroupIsExercised() {
        assertEquals(List.of("AureliaHash", "AureliaLink", "AureliaVerify", "ExpiringHmacLink"),
                VECTORS.groups().stream().map(TestVectors.Group::type).toList());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("aureliaHashes")
    void aureliaHashMatchesThePeer(Vector v) {
        assertEquals(v.get("hash"), Aurelia.hash(utf8(v.get("credential")), utf8(v.get("key")), UUID.fromString(v.get("uuid"))));
        assertTrue(Aurelia.authenticate(utf8(v.get("credential")), utf8(v.get("key")), utf8(v.get("hash"))));
        assertFalse(Aurelia.authenticate(utf8(v.get("credential")), utf8(v.get("key") + "x"), utf8(v.get("hash"))));
        assertFalse(Aurelia.authenticate(utf8(v.get("credential") + "x"), utf8(v.get("key")), utf8(v.get("hash"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("aureliaLinks")
    void aureliaLinkMatchesThePeer(Vector v) {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(v.getLong("expiresAt")), ZoneOffset.UTC);
        AureliaLinkSigner signer = AureliaLinkSigner.builder(KeySet.ofUtf8(v.get("secret"))).host(v.get("host"))
                .clock(clock).build();
        AureliaLink link = new AureliaLink(v.get("path"), v.getLong("expiresAt"));
        assertEquals(v.get("url"), signer.sign(link, UUID.fromString(v.get("uuid"))));
        // the random-UUID path still verifies
        String random = AureliaLinkSigner.builder(KeySet.ofUtf8(v.get("secret"))).clock(clock).build().sign(link);
        assertEquals(link, AureliaLinkVerifier.builder(KeySet.ofUtf8(v.get("secret"))).clock(clock).build()
                .verify(random).orElseThrow());
    }

    /** Configured as seed 001's server (Atoi forms, signature before expiry), every vector answers as the peer. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("aureliaVerifications")
    void aureliaVerifiesAsSeed001(Vector v) {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(v.getLong("nowEpochSeconds"), v.getLong("nowNanos")), ZoneOffset.UTC);
        AureliaLinkVerifier verifier = AureliaLinkVerifier.builder(KeySet.ofUtf8(v.get("secret"))).clock(clock)
                .acceptNonCanonicalExpiry(true).signatureBeforeExpiry(true).build();
        assertAnswersAsVector(v, verifier.verify(v.get("target")), v.valid(), Integer.parseInt(v.get("status")));
    }

    /**
     * Default settings: the same answers except where the README documents a deviation (a non-canonical
     * expires_at is 400; an expired link is EXPIRED before its signature is checked).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("aureliaVerifications")
    void aureliaDefaultsDeviateOnlyWhereDocumented(Vector v) {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(v.getLong("nowEpochSeconds"), v.getLong("nowNanos")), ZoneOffset.UTC);
        AureliaLinkVerifier verifier = AureliaLinkVerifier.builder(KeySet.ofUtf8(v.get("secret"))).clock(clock).build();
        Verification<AureliaLink> result = verifier.verify(v.get("target"));
        switch (v.tcId()) {
            case 15, 16 -> assertEquals(Rejection.MALFORMED, result.rejection().orElseThrow(), "+ or leading zero");
            case 18 -> assertEquals(Rejection.EXPIRED, result.rejection().orElseThrow(), "expiry checked first");
            default -> assertAnswersAsVector(v, result, v.valid(), Integer.parseInt(v.get("status")));
        }
    }

    private static void assertAnswersAsVector(Vector v, Verification<AureliaLink> result, boolean valid, int status) {
        if (valid) {
            assertTrue(result.isAccepted(), () -> result.toString());
            assertEquals("/avatar/image.jpg", result.orElseThrow().path());
            assertEquals("image.jpg", result.orElseThrow().imageName());
        } else {
            Verification.Rejected<AureliaLink> rejected = (Verification.Rejected<AureliaLink>) result;
            if (v.hasFlag("PeerPanics")) {
                assertEquals(Rejection.BAD_SIGNATURE, rejected.reason());
                assertEquals(403, rejected.httpStatus());
            } else {
                assertEquals(status, rejected.httpStatus());
            }
        }
    }
}
