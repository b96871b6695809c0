package dev.imgsign.imageproxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.vectors.TestVectors;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The Go net/url, net and base64 emulation against outputs of Go 1.19 itself (see the vectors). */
class GoUrlTest {
    private static final TestVectors VECTORS = TestVectors.load("imageproxy");

    @TestFactory
    Stream<DynamicTest> parseAndStringMatchGo() {
        List<TestVectors.Vector> vectors = VECTORS.tests("ImageproxyUrlNormalisation");
        assertTrue(vectors.size() > 40);
        return vectors.stream().map(v -> DynamicTest.dynamicTest(v + " " + v.get("url"), () -> {
            GoUrl u = GoUrl.parse(GoUrl.bytes(v.get("url")));
            if (v.valid()) {
                assertEquals(v.get("goString"), GoUrl.text(u.toString()));
            } else {
                assertNull(u, "Go refuses this URL");
            }
        }));
    }

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
            withOptions.fragment = p.options.canonicalWithoutSignature();
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
