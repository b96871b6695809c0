package dev.imgsign.imageproxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.KeySet;
import dev.imgsign.peer.go.GoUrl;
import dev.imgsign.vectors.TestVectors;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
                assertEquals(null, p.remote(), "server answers 400: " + v.get("serverError"));
                return;
            }
            assertEquals(null, p.error());
            assertEquals(v.get("urlMessage"), GoUrl.text(p.remote().toString()));
            assertEquals(v.get("options"), p.options().toString());
            GoUrl withOptions = p.remote().copy();
            withOptions.setFragment(p.options().canonicalWithoutSignature());
            assertEquals(v.get("optionsMessage"), GoUrl.text(withOptions.toString()));
        }));
    }

    /**
     * Where our host lists deliberately answer differently from the server (issue 13 finding 8): the server
     * compares raw strings, we compare hosts as a browser resolves them. Key: pattern and URL of a vector;
     * value: our answer for an allow list ("true"/"false") or "refused" (the entry is not accepted at build
     * time). Every other vector must give the server's answer.
     */
    private static final Map<String, String> OUR_DEVIATIONS = Map.ofEntries(
            Map.entry("example.com ~ http://EXAMPLE.com/a.jpg", "true"), // hosts are ASCII case-insensitive
            Map.entry("*.example.com ~ http://badexample.com/a.jpg", "false"), // allow wildcards match at a label boundary
            Map.entry("*. ~ http://anything/a.jpg", "refused"), // '*.' would allow everything; not a domain suffix
            Map.entry("*. ~ http:opaque", "refused"),
            Map.entry(" ~ http:/path", "refused"), // an empty entry
            Map.entry(" ~ ", "refused"),
            Map.entry("10.0.0.0/33 ~ http://10.1.2.3/a.jpg", "refused"), // invalid CIDR entries are configuration errors
            Map.entry("1::2::3/64 ~ http://[1::2]/a.jpg", "refused"),
            Map.entry("[::1] ~ http://[::1]/a.jpg", "true"), // a bracketed IPv6 entry is the same address
            Map.entry("10.0.0.0/8 ~ http://10.1.2.3./a.jpg", "true"), // trailing dot
            Map.entry("b%C3%BCcher.example ~ http://bücher.example/a.jpg", "true")); // browsers percent-decode hosts

    @TestFactory
    Stream<DynamicTest> hostMatchingAsTheServer() {
        List<TestVectors.Vector> vectors = VECTORS.tests("ImageproxyHostMatch");
        assertTrue(vectors.size() > 30);
        Set<String> keys = new HashSet<>();
        vectors.forEach(v -> keys.add(v.get("pattern") + " ~ " + v.get("url")));
        return Stream.concat(vectors.stream().map(v -> {
            String key = v.get("pattern") + " ~ " + v.get("url");
            return DynamicTest.dynamicTest(v + " " + key, () -> {
                GoUrl u = GoUrl.parse(GoUrl.bytes(v.get("url")));
                String ours = OUR_DEVIATIONS.getOrDefault(key, v.get("matches"));
                if (OUR_DEVIATIONS.containsKey(key)) {
                    assertNotEquals(v.get("matches"), ours, "a deviation must differ from the server: " + key);
                }
                if (ours.equals("refused")) {
                    assertThrows(IllegalArgumentException.class,
                            () -> ImageproxyVerifier.builderWithoutKeys().allowHosts(List.of(v.get("pattern"))));
                    assertThrows(IllegalArgumentException.class,
                            () -> ImageproxyVerifier.builder(KeySet.ofUtf8("k")).denyHosts(List.of(v.get("pattern"))));
                    return;
                }
                ImageproxyVerifier verifier = ImageproxyVerifier.builderWithoutKeys().allowHosts(List.of(v.get("pattern"))).build();
                assertEquals(Boolean.parseBoolean(ours), verifier.allowedHost(u));
                ImageproxyVerifier denying = ImageproxyVerifier.builder(KeySet.ofUtf8("k"))
                        .denyHosts(List.of(v.get("pattern"))).build();
                boolean ourDeny = Boolean.parseBoolean(ours) || v.get("pattern").startsWith("*.")
                        && Boolean.parseBoolean(v.get("matches")); // deny wildcards keep the server's suffix match
                if (!ourDeny && HostList.canonicalHost(u) == null) {
                    ourDeny = true; // a deny list refuses hosts that are not valid (fail closed)
                }
                assertEquals(ourDeny, denying.deniedHost(u));
            });
        }), Stream.of(DynamicTest.dynamicTest("every deviation names a vector", () -> {
            assertTrue(keys.containsAll(OUR_DEVIATIONS.keySet()), "stale deviation entries");
        })));
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
