package dev.imgsign.expiring;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.imgsign.core.KeySet;
import dev.imgsign.core.SigningKey;
import dev.imgsign.core.Verification;
import dev.imgsign.core.internal.SignedUrls;
import dev.imgsign.expiring.aurelia.AureliaLink;
import dev.imgsign.expiring.aurelia.AureliaLinkSigner;
import dev.imgsign.expiring.aurelia.AureliaLinkVerifier;
import dev.imgsign.expiring.link.ExpiringLink;
import dev.imgsign.expiring.link.ExpiringLinkSigner;
import dev.imgsign.expiring.link.ExpiringLinkVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;


/**
 * Fuzz targets for the recommended expiring links and seed 001's aurelia links. Inputs are request
 * targets read as UTF-8.
 *
 * <p>{@code mvn -B verify} replays {@code src/test/resources/dev/imgsign/expiring/ExpiringFuzzTestInputs/<method>/};
 * {@code JAZZER_FUZZ=1} fuzzes one target (see the root README, "Robustness").
 */
class ExpiringFuzzTest {
    /**
     * Longest aurelia input fuzzed: a well-shaped hash is about 170 characters, and each well-shaped
     * input costs a full PBKDF2 run (4096 rounds), so longer inputs only slow the fuzzer down.
     */
    static final int AURELIA_MAX_INPUT = 400;

    /** The vectors' key and a clock before their expiry (1700000000), so the seeds hold accepted links. */
    private static final KeySet KEYS = KeySet.of(SigningKey.ofUtf8("secret"), SigningKey.ofUtf8("older"));
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1690000000L), ZoneOffset.UTC);
    private static final ExpiringLinkVerifier EXPIRING =
            ExpiringLinkVerifier.builder(KEYS).clock(CLOCK).leewaySeconds(30).build();
    private static final ExpiringLinkVerifier RENAMED = ExpiringLinkVerifier.builder(KEYS).clock(CLOCK)
            .expiresParam("e").signatureParam("s").expiredStatus(404).build();
    private static final ExpiringLinkSigner EXPIRING_SIGNER = ExpiringLinkSigner.builder(KEYS).clock(CLOCK).build();
    private static final ExpiringLinkSigner RENAMED_SIGNER = ExpiringLinkSigner.builder(KEYS).clock(CLOCK)
            .expiresParam("e").signatureParam("s").build();

    /** Seed 001's secret, 10 s before its link expires; one key, as each key costs a PBKDF2 run. */
    private static final KeySet AURELIA_KEYS = KeySet.ofUtf8("super secret code");
    private static final Clock AURELIA_CLOCK = Clock.fixed(Instant.ofEpochSecond(1731744005L), ZoneOffset.UTC);
    private static final AureliaLinkVerifier AURELIA =
            AureliaLinkVerifier.builder(AURELIA_KEYS).clock(AURELIA_CLOCK).build();
    private static final AureliaLinkSigner AURELIA_SIGNER =
            AureliaLinkSigner.builder(AURELIA_KEYS).clock(AURELIA_CLOCK).build();
    /** Answers as seed 001's server (no validity limit, Atoi forms, signature first): must never throw either. */
    private static final AureliaLinkVerifier AURELIA_AS_SEED = AureliaLinkVerifier.builder(AURELIA_KEYS)
            .clock(AURELIA_CLOCK).maxValidity(java.time.Duration.ofSeconds(Long.MAX_VALUE))
            .acceptNonCanonicalExpiry(true).signatureBeforeExpiry(true).build();

    @FuzzTest(maxDuration = "5m")
    void expiring(byte[] input) {
        String target = new String(input, StandardCharsets.UTF_8);
        checkExpiring(EXPIRING, EXPIRING_SIGNER, target);
        checkExpiring(RENAMED, RENAMED_SIGNER, target);
    }

    @FuzzTest(maxDuration = "5m")
    void aurelia(byte[] input) {
        if (input.length > AURELIA_MAX_INPUT) {
            return;
        }
        String target = new String(input, StandardCharsets.UTF_8);
        Verification<AureliaLink> seed = AURELIA_AS_SEED.verify(target);
        assertNotNull(seed);
        Verification<AureliaLink> v = AURELIA.verify(target);
        assertNotNull(v);
        if (v instanceof Verification.Rejected<AureliaLink> r) {
            assertWellFormed(r);
            return;
        }
        // The default accepts a subset of what the seed accepts, and only inside the validity window.
        assertTrue(seed.isAccepted(), target);
        assertFalse(SignedUrls.rawControlOrSpace(target) >= 0, "raw control character or space accepted");
        AureliaLink link = v.orElseThrow();
        long now = AURELIA_CLOCK.instant().getEpochSecond();
        assertTrue(link.expiresAt() >= now
                && link.expiresAt() <= now + AureliaLinkVerifier.DEFAULT_MAX_VALIDITY.getSeconds(), target);
        assertTrue(target.contains("expires_at=" + link.expiresAt()), "canonical expires_at only");
        String again = AURELIA_SIGNER.sign(link);
        assertEquals(new Verification.Accepted<>(link, 0, ""), AURELIA.verify(again), again);
    }

    private static void checkExpiring(ExpiringLinkVerifier verifier, ExpiringLinkSigner signer, String target) {
        Verification<ExpiringLink> v = verifier.verify(target);
        assertNotNull(v);
        if (v instanceof Verification.Rejected<ExpiringLink> r) {
            assertWellFormed(r);
            return;
        }
        assertFalse(SignedUrls.rawControlOrSpace(target) >= 0, "raw control character or space accepted");
        ExpiringLink link = v.orElseThrow();
        String again = signer.sign(link);
        assertEquals(new Verification.Accepted<>(link, 0, ""), verifier.verify(again), again);
    }

    private static void assertWellFormed(Verification.Rejected<?> r) {
        assertNotNull(r.reason());
        assertNotNull(r.detail());
        assertTrue(r.httpStatus() >= 400 && r.httpStatus() < 500, r.toString());
    }
}
