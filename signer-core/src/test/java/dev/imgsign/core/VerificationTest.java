package dev.imgsign.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerificationTest {
    private final KeySet keys = KeySet.of(SigningKey.ofUtf8("new").withId("2026"), SigningKey.ofUtf8("old").withId("2025"));

    @Test
    void acceptedCarriesTheRequestAndTheKeyThatMatched() {
        Verification<String> v = Verification.accepted("http://x/y.png", keys, 1);
        assertTrue(v.isAccepted());
        assertEquals("http://x/y.png", v.orElseThrow());
        assertEquals(Optional.of("http://x/y.png"), v.acceptedRequest());
        assertEquals(Optional.empty(), v.rejection());
        Verification.Accepted<String> accepted = (Verification.Accepted<String>) v;
        assertEquals(1, accepted.keyIndex());
        assertEquals("2025", accepted.keyId());
    }

    @Test
    void rejectedUsesTheReasonsDefaultStatusUnlessTheSchemeSaysOtherwise() {
        Verification<String> v = Verification.rejected(Rejection.BAD_SIGNATURE, "digest mismatch");
        assertFalse(v.isAccepted());
        assertEquals(Optional.of(Rejection.BAD_SIGNATURE), v.rejection());
        assertEquals(403, ((Verification.Rejected<String>) v).httpStatus());
        Verification<String> camo = Verification.rejected(Rejection.BAD_SIGNATURE, "digest mismatch", 404);
        assertEquals(404, ((Verification.Rejected<String>) camo).httpStatus());
    }

    @Test
    void orElseThrowRaisesOurUncheckedExceptionWithTheReason() {
        Verification<String> v = Verification.rejected(Rejection.EXPIRED, "expired 5 s ago");
        VerificationException e = assertThrows(VerificationException.class, v::orElseThrow);
        assertEquals(Rejection.EXPIRED, e.reason());
        assertEquals(410, e.httpStatus());
        assertTrue(e.getMessage().contains("expired 5 s ago"));
    }

    @Test
    void everyReasonHasAnErrorStatus() {
        for (Rejection reason : Rejection.values()) {
            assertTrue(reason.defaultHttpStatus() >= 400 && reason.defaultHttpStatus() < 500, reason.name());
        }
        assertEquals(400, Rejection.MALFORMED.defaultHttpStatus());
        assertEquals(414, Rejection.TOO_LONG.defaultHttpStatus());
    }

    @Test
    void acceptanceWithoutAKeyReportsIndexMinusOne() {
        Verification<String> v = Verification.acceptedWithoutKey("u");
        assertTrue(v instanceof Verification.Accepted<String> a && a.keyIndex() == -1 && a.keyId().isEmpty());
    }
}
