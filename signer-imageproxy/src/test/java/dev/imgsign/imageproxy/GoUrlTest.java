package dev.imgsign.imageproxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.internal.GoUrl;
import dev.imgsign.vectors.TestVectors;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The server's request splitting, host matching and signature decoding against outputs of Go 1.19 itself
 * (see the vectors); url.Parse and URL.String are tested with the shared GoUrl in signer-core.
 */
class GoUrlTest {
    private static final TestVectors VECTORS = TestVectors.load("imageproxy");

    @TestFactory
    Stream<DynamicTest> requestTargetsSplitAsNewRequest() {
        List<TestVectors.Vector> vectors = VECTORS.tests("ImageproxyNewRequest");
        assertTrue(vectors.size() > 50);
        return vectors.stream().map(v -> DynamicTest.dynamicTest(v + " " + v.get("target"), () -> {
            GoServer.Parsed p = GoServer.newRequest(GoUrl.bytes(v.get("target")));
            if (!v.valid()) {
                assertEquals(null, p.remote, "server answers 400: " + v.get("serverError"));
                return;
            }
            assertEquals(null, p.error);
            assertEquals(v.get("urlMessage"), GoUrl.text(p.remote.toString()));
            assertEquals(v.get("options"), p.options.toString());
            GoUrl withOptions = p.remote.copy();
            withOptions.setFragment(p.options.canonicalWithoutSignature());
            assertEquals(v.get("optionsMessage"), GoUrl.text(withOptions.toString()));
        }));
    }

    @TestFactory
    Stream<DynamicTest> hostMatchingAsTheServer() {
        List<TestVectors.Vector> vectors = VECTORS.tests("ImageproxyHostMatch");
        assertTrue(vectors.size() > 30);
        return vectors.stream().map(v -> DynamicTest.dynamicTest(v + " " + v.get("pattern") + " ~ " + v.get("url"), () -> {
            GoUrl u = GoUrl.parse(GoUrl.bytes(v.get("url")));
            ImageproxyVerifier verifier = ImageproxyVerifier.builder().allowHosts(List.of(v.get("pattern"))).build();
            assertEquals(Boolean.parseBoolean(v.get("matches")), verifier.allowedHost(u));
        }));
    }

    @TestFactory
    Stream<DynamicTest> signatureDecodingAsGoBase64() {
        return VECTORS.tests("ImageproxySignatureDecoding").stream().map(v ->
                DynamicTest.dynamicTest(v + " '" + v.get("signature") + "'", () -> {
                    byte[] got = ImageproxyVerifier.decodeSignature(v.get("signature"));
                    if (v.valid()) {
                        assertArrayEquals(HexFormat.of().parseHex(v.get("bytes")), got);
                    } else {
                        assertNull(got);
                    }
                }));
    }
}
