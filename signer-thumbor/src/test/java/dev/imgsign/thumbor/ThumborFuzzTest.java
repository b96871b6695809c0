package dev.imgsign.thumbor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.imgsign.core.KeySet;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.SigningKey;
import dev.imgsign.core.Verification;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target for thumbor. Each input, read as UTF-8, is used twice: as a request target (verify must
 * answer, never throw; an acceptance must survive re-signing) and as an image URL to sign (a signed URL
 * is accepted with the same request, never refused).
 *
 * <p>{@code mvn -B verify} replays {@code src/test/resources/dev/imgsign/thumbor/ThumborFuzzTestInputs/<method>/};
 * {@code JAZZER_FUZZ=1} fuzzes it (see the root README, "Robustness").
 */
class ThumborFuzzTest {
    /** Two keys, so acceptance by an older key is reachable from the seeds (the second is libthumbor's test key). */
    static final KeySet KEYS = KeySet.of(SigningKey.ofUtf8("k3y"), SigningKey.ofUtf8("my-security-key"));
    private static final ThumborVerifier SAFE = ThumborVerifier.builder(KEYS).build();
    private static final ThumborVerifier UNSAFE = ThumborVerifier.builder(KEYS).allowUnsafe(true).build();
    private static final ThumborVerifier ALLOWED =
            ThumborVerifier.builder(KEYS).allowUnsafe(true).allowedSources(java.util.List.of("my.server.com")).build();
    private static final ThumborVerifier BIG = ThumborVerifier.builder(KEYS).maxLength(1 << 20).build();
    private static final ThumborSigner SIGNER = ThumborSigner.builder(KEYS).build();
    private static final ThumborOptions OPTIONS = ThumborOptions.builder().size(300, 200).smart(true)
            .filter("quality", "80").build();

    @FuzzTest(maxDuration = "5m")
    void thumbor(byte[] input) {
        String s = new String(input, StandardCharsets.UTF_8);
        checkVerify(SAFE, s);
        checkVerify(UNSAFE, s);
        checkVerify(ALLOWED, s);
        checkSignThenVerify(s, ThumborOptions.NONE);
        checkSignThenVerify(s, OPTIONS);
    }

    /** verify answers; a rejection is well-formed; an acceptance re-signs to a URL accepted with the same request. */
    static void checkVerify(ThumborVerifier verifier, String target) {
        Verification<ThumborRequest> v = verifier.verify(target);
        assertNotNull(v);
        if (v instanceof Verification.Rejected<ThumborRequest> r) {
            assertNotNull(r.reason());
            assertNotNull(r.detail());
            assertTrue(r.httpStatus() == 400 || r.httpStatus() == 500 || r.reason() == Rejection.TOO_LONG, r.toString());
            return;
        }
        Verification.Accepted<ThumborRequest> a = (Verification.Accepted<ThumborRequest>) v;
        ThumborRequest request = a.request();
        if (request.unsafe()) {
            assertEquals(-1, a.keyIndex());
            request = ThumborRequest.of(request.options(), request.imageUrl());
        } else {
            assertTrue(a.keyIndex() >= 0 && a.keyIndex() < KEYS.size());
        }
        String again;
        try {
            again = SIGNER.sign(request);
        } catch (IllegalArgumentException refused) {
            // Accepted forms the signer will not write: an image URL whose start the server reads as an option
            // (it was left as image text only because the options before it were out of order or repeated).
            assertTrue(refused.getMessage().contains("starts like a thumbor option")
                    || refused.getMessage().contains("filters"), refused.getMessage());
            return;
        }
        assertEquals(new Verification.Accepted<>(request, 0, ""), BIG.verify(again), again);
    }

    /** Whatever the signer signs, the verifier accepts with the very request. */
    static void checkSignThenVerify(String image, ThumborOptions options) {
        String signed;
        try {
            signed = SIGNER.sign(options, image);
        } catch (IllegalArgumentException refused) {
            return;
        }
        Verification<ThumborRequest> v = BIG.verify(signed);
        assertNotEquals(null, v.acceptedRequest().orElse(null), () -> "signed URL refused: " + v + " " + signed);
        assertEquals(new Verification.Accepted<>(ThumborRequest.of(options, image), 0, ""), v);
    }
}
