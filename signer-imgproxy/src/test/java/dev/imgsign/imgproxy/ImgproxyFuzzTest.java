package dev.imgsign.imgproxy;

import dev.imgsign.core.KeySet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.imgsign.core.Verification;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fuzz target for the imgproxy verifier (both server versions) and the signer. Inputs are read as UTF-8.
 *
 * <p>{@code mvn -B verify} replays {@code src/test/resources/dev/imgsign/imgproxy/ImgproxyFuzzTestInputs/verify/};
 * {@code JAZZER_FUZZ=1} fuzzes (see the root README, "Robustness").
 */
class ImgproxyFuzzTest {
    /** The docs pair (secret/hello) first, so that the seed corpus holds accepted requests. */
    private static final KeySet KEYS = ImgproxyKeys.hexList("keys", "736563726574,0123456789abcdef");
    private static final KeySet SALTS = ImgproxyKeys.hexList("salts", "68656C6C6F,fedcba98");
    private static final List<ImgproxyVerifier> VERIFIERS = List.of(
            ImgproxyVerifier.builder(KEYS).salts(SALTS).serverVersion(ImgproxyServerVersion.V3).build(),
            ImgproxyVerifier.builder(KEYS).salts(SALTS).serverVersion(ImgproxyServerVersion.V4).build(),
            ImgproxyVerifier.builder(KEYS).salts(SALTS).signatureSize(8).trustedSignatures(List.of("trusted"))
                    .pathPrefix("/info").build(),
            ImgproxyVerifier.builderWithoutKeys().serverVersion(ImgproxyServerVersion.V4).build());
    private static final ImgproxySigner PLAIN = ImgproxySigner.builder(KEYS).salts(SALTS)
            .sourceForm(ImgproxySigner.SourceForm.PLAIN).build();
    private static final ImgproxySigner CHUNKED = ImgproxySigner.builder(KEYS).salts(SALTS).base64ChunkLength(4).build();

    @FuzzTest(maxDuration = "5m")
    void verify(byte[] input) {
        String s = new String(input, StandardCharsets.UTF_8);
        for (ImgproxyVerifier verifier : VERIFIERS) {
            Verification<ImgproxyRequest> v = verifier.verify(s);
            assertNotNull(v);
            if (v instanceof Verification.Rejected<ImgproxyRequest> r) {
                assertTrue(List.of(400, 403, 404, 414, 500).contains(r.httpStatus()), r.toString());
            } else if (v.orElseThrow().options().signable()) {
                // An accepted request re-signs to URLs both server versions read back unchanged.
                resign(v.orElseThrow());
            }
        }
        // Any text as a source URL: the signer either refuses it by name or emits a URL that verifies to it.
        for (ImgproxySigner signer : List.of(PLAIN, CHUNKED)) {
            ImgproxyRequest request = ImgproxyRequest.of(s);
            String url;
            try {
                url = signer.sign(request);
            } catch (IllegalArgumentException e) {
                assertNotNull(e.getMessage());
                continue;
            }
            assertEquals(request, VERIFIERS.get(0).verify(url).orElseThrow());
            assertEquals(request, VERIFIERS.get(1).verify(url).orElseThrow());
        }
    }

    private static void resign(ImgproxyRequest request) {
        String url;
        try {
            url = PLAIN.sign(request);
        } catch (IllegalArgumentException e) {
            return; // an extension or source the server takes but we refuse to emit (README)
        }
        assertEquals(request, VERIFIERS.get(0).verify(url).orElseThrow());
        assertEquals(request, VERIFIERS.get(1).verify(url).orElseThrow());
    }
}
