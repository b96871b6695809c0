package dev.imgsign.imageproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.imgsign.core.KeySet;
import dev.imgsign.core.SigningKey;
import dev.imgsign.core.Verification;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Fuzz targets for the imageproxy verifier and the options grammar. Inputs are read as UTF-8.
 *
 * <p>{@code mvn -B verify} replays
 * {@code src/test/resources/dev/imgsign/imageproxy/ImageproxyFuzzTestInputs/<method>/};
 * {@code JAZZER_FUZZ=1} fuzzes one target (see the root README, "Robustness").
 */
class ImageproxyFuzzTest {
    /** The published vectors' key first, so the seed corpus holds accepted requests. */
    private static final KeySet KEYS = KeySet.of(SigningKey.ofUtf8("secretkey"), SigningKey.ofUtf8("older key"));
    /** Before every vu of the seeds but those Go's year-1 arithmetic wraps around. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final int BIG = 1 << 20;

    private static final ImageproxySigner SIGNER = ImageproxySigner.builder().keys(KEYS).baseUrl("").clock(CLOCK).build();
    private static final ImageproxySigner BASE64_SIGNER = ImageproxySigner.builder().keys(KEYS).baseUrl("").clock(CLOCK)
            .remoteUrlForm(ImageproxySigner.RemoteUrlForm.BASE64).build();
    private static final ImageproxyVerifier LENIENT = ImageproxyVerifier.builder().keys(KEYS).clock(CLOCK).build();
    private static final ImageproxyVerifier POLICY = ImageproxyVerifier.builder().keys(KEYS).clock(CLOCK)
            .requireSignedOptions(true).allowHosts(List.of("allowed.example", "192.168.0.0/16"))
            .denyHosts(List.of("*.evil.example", "10.0.0.0/8")).build();
    private static final ImageproxyVerifier BIG_VERIFIER =
            ImageproxyVerifier.builder().keys(KEYS).clock(CLOCK).requireSignedOptions(true).maxLength(BIG).build();
    private static final ImageproxyOptions SOME_OPTIONS = ImageproxyOptions.parse("100x200,q75,fit");

    @FuzzTest(maxDuration = "5m")
    void verify(byte[] input) {
        String s = new String(input, StandardCharsets.UTF_8);
        checkVerify(LENIENT, s);
        checkVerify(POLICY, s);
        checkSignThenVerify(SIGNER, s);
        checkSignThenVerify(BASE64_SIGNER, s);
    }

    @FuzzTest(maxDuration = "5m")
    void parseOptions(byte[] input) {
        String s = new String(input, StandardCharsets.UTF_8);
        ImageproxyOptions options = ImageproxyOptions.parse(s);
        assertNotNull(options);
        String canonical = options.toString();
        // The canonical form is a fixed point: it parses back to the same options and prints the same.
        ImageproxyOptions again = ImageproxyOptions.parse(canonical);
        assertEquals(options, again, () -> "options " + s + " -> " + canonical);
        assertEquals(canonical, again.toString());
        assertEquals(options.withoutSignature().toString(), options.canonicalWithoutSignature());
    }

    /** verify answers; a rejection is well-formed; an acceptance re-signs to a URL accepted again. */
    private static void checkVerify(ImageproxyVerifier verifier, String target) {
        Verification<ImageproxyRequest> v = verifier.verify(target);
        assertNotNull(v);
        if (v instanceof Verification.Rejected<ImageproxyRequest> r) {
            assertNotNull(r.reason());
            assertNotNull(r.detail());
            assertTrue(r.httpStatus() >= 400 && r.httpStatus() < 500, "status " + r.httpStatus());
            return;
        }
        ImageproxyRequest accepted = v.orElseThrow();
        boolean byKey = ((Verification.Accepted<ImageproxyRequest>) v).keyIndex() >= 0;
        String again;
        try {
            again = SIGNER.sign(accepted.remoteUrl(), accepted.options());
        } catch (IllegalArgumentException e) {
            // An allow-listed host is served unsigned, whatever its URL; a signed request was signable.
            assertTrue(!byKey, () -> "accepted " + target + " by key but cannot re-sign it: " + e.getMessage());
            return;
        }
        ImageproxyRequest reaccepted = verifier.verify(again).orElseThrow();
        assertEquals(accepted.options().withoutSignature(), reaccepted.options().withoutSignature(), again);
        if (byKey) {
            assertEquals(accepted.remoteUrl(), reaccepted.remoteUrl(), again);
        }
        // Accepted without a key (allow-listed host), the remote query is the proxy's query verbatim, which may
        // hold what no signer emits: '#' (finding-hash-in-query) or bytes clients escape, such as raw non-ASCII
        // (finding-raw-non-ascii-query). Re-signing then names the URL as clients send it, a different string.
    }

    /**
     * Whatever the signer signs, a verifier with the same key and no host policy accepts, with the URL
     * the signer normalised to; signing that URL again gives the same proxy URL.
     */
    private static void checkSignThenVerify(ImageproxySigner signer, String remoteUrl) {
        String signed;
        try {
            signed = signer.sign(remoteUrl, SOME_OPTIONS);
        } catch (IllegalArgumentException refused) {
            return;
        }
        Verification<ImageproxyRequest> v = BIG_VERIFIER.verify(signed);
        if (v instanceof Verification.Rejected<ImageproxyRequest> r) {
            fail("signed " + signed + " for " + remoteUrl + " but it is refused: " + r);
        }
        ImageproxyRequest accepted = v.orElseThrow();
        assertEquals(SOME_OPTIONS, accepted.options().withoutSignature());
        assertEquals(signed, signer.sign(accepted.remoteUrl(), SOME_OPTIONS), () -> "re-signing " + accepted);
    }
}
