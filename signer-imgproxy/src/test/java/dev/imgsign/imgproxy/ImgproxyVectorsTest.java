package dev.imgsign.imgproxy;

import dev.imgsign.core.KeySet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.Rejection;
import dev.imgsign.core.SigningKey;
import dev.imgsign.core.Verification;
import dev.imgsign.vectors.TestVectors;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every vector in {@code imgproxy.json}: published values, imgproxy-node runs and the Go server harness. */
class ImgproxyVectorsTest {
    private static final TestVectors VECTORS = TestVectors.load("imgproxy");

    static ImgproxyOptions options(String joined) {
        if (joined.isEmpty()) {
            return ImgproxyOptions.none();
        }
        ImgproxyOptions.Builder b = ImgproxyOptions.builder();
        for (String segment : joined.split("/", -1)) {
            b.raw(segment);
        }
        return b.build();
    }

    private static ImgproxySigner signer(TestVectors.Vector v) {
        return ImgproxySigner.builder(ImgproxyKeys.hexList("keys", v.get("keys"))).salts(ImgproxyKeys.hexList("salts", v.get("salts")))
                .signatureSize(Integer.parseInt(v.get("signatureSize")))
                .sourceForm(v.get("sourceForm").equals("plain") ? ImgproxySigner.SourceForm.PLAIN : ImgproxySigner.SourceForm.BASE64)
                .base64ChunkLength(Integer.parseInt(v.get("base64ChunkLength")))
                .pathPrefix(v.get("pathPrefix")).build();
    }

    private static ImgproxyVerifier verifier(TestVectors.Vector v, ImgproxyServerVersion version) {
        ImgproxyVerifier.Builder b = v.find("unsigned").orElse("false").equals("true")
                ? ImgproxyVerifier.builderWithoutKeys()
                : ImgproxyVerifier.builder(ImgproxyKeys.hexList("keys", v.get("keys")))
                        .salts(ImgproxyKeys.hexList("salts", v.get("salts")));
        b.serverVersion(version).signatureSize(Integer.parseInt(v.find("signatureSize").orElse("32")))
                .pathPrefix(v.find("pathPrefix").orElse(""));
        String trusted = v.find("trustedSignatures").orElse("");
        if (!trusted.isEmpty()) {
            b.trustedSignatures(List.of(trusted.split(",")));
        }
        return b.build();
    }

    private static void assertAccepts(ImgproxyVerifier verifier, String target, ImgproxyRequest expected) {
        Verification<ImgproxyRequest> v = verifier.verify(target);
        assertTrue(v.isAccepted(), () -> target + " -> " + v);
        assertEquals(expected, v.orElseThrow());
    }

    @Test
    void everyGroupTypeIsKnownAndPresent() {
        for (TestVectors.Group g : VECTORS.groups()) {
            assertTrue(List.of("ImgproxyMac", "ImgproxySign", "ImgproxyNodeTrap", "ImgproxySignServerAccepts", "ImgproxyVerify")
                    .contains(g.type()), g.type());
        }
        assertFalse(VECTORS.tests("ImgproxyVerify").isEmpty());
    }

    @TestFactory
    Stream<DynamicTest> macs() {
        return VECTORS.tests("ImgproxyMac").stream().map(v -> DynamicTest.dynamicTest(v.toString(), () -> {
            ImgproxyKeys keys = ImgproxyKeys.of(KeySet.of(SigningKey.ofHex(v.get("key"))), KeySet.of(SigningKey.ofHex(v.get("salt"))));
            byte[] mac = keys.mac(0, v.get("message").getBytes(StandardCharsets.UTF_8),
                    v.get("leadingSlashAdded").equals("true"));
            String sig = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(Arrays.copyOf(mac, Integer.parseInt(v.get("signatureSize"))));
            assertEquals(v.get("signature"), sig);
        }));
    }

    @TestFactory
    Stream<DynamicTest> signerReproducesPublishedAndNodeUrls() {
        return VECTORS.tests("ImgproxySign").stream().map(v -> DynamicTest.dynamicTest(v.toString(), () -> {
            ImgproxyRequest request = new ImgproxyRequest(options(v.get("options")), v.get("sourceUrl"), v.get("extension"));
            assertEquals(v.get("signedUrl"), signer(v).sign(request));
            for (ImgproxyServerVersion version : ImgproxyServerVersion.values()) {
                assertAccepts(verifier(v, version), v.get("signedUrl"), request);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> ourSignedUrlsTheServerAccepted() {
        return VECTORS.tests("ImgproxySignServerAccepts").stream().map(v -> DynamicTest.dynamicTest(v.toString(), () -> {
            ImgproxyRequest request = new ImgproxyRequest(options(v.get("options")), v.get("sourceUrl"), v.get("extension"));
            assertEquals(v.get("signedUrl"), signer(v).sign(request));
            for (ImgproxyServerVersion version : ImgproxyServerVersion.values()) {
                assertAccepts(verifier(v, version), v.get("signedUrl"), request);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> nodeTrapsAreRejectedAsTheServerDoesAndAvoidedByOurSigner() {
        return VECTORS.tests("ImgproxyNodeTrap").stream().map(v -> DynamicTest.dynamicTest(v.toString(), () -> {
            for (ImgproxyServerVersion version : ImgproxyServerVersion.values()) {
                Verification<ImgproxyRequest> r = verifier(v, version).verify(v.get("nodeUrl"));
                String status = v.get(version == ImgproxyServerVersion.V3 ? "v3Status" : "v4Status");
                assertEquals(Integer.parseInt(status), ((Verification.Rejected<ImgproxyRequest>) r).httpStatus(), r.toString());
            }
            Runnable ours = () -> ImgproxySigner.builder(ImgproxyKeys.hexList("keys", v.get("requestKeys"))).salts(ImgproxyKeys.hexList("salts", v.get("requestSalts")))
                    .sourceForm(v.get("sourceForm").equals("plain") ? ImgproxySigner.SourceForm.PLAIN : ImgproxySigner.SourceForm.BASE64)
                    .build().sign(new ImgproxyRequest(options(v.get("options")), v.get("sourceUrl"), ""));
            if (v.get("ourSignerRefuses").equals("true")) {
                assertThrows(IllegalArgumentException.class, ours::run);
            } else {
                ImgproxySigner signer = ImgproxySigner.builder(ImgproxyKeys.hexList("keys", v.get("requestKeys"))).salts(ImgproxyKeys.hexList("salts", v.get("requestSalts")))
                        .sourceForm(ImgproxySigner.SourceForm.PLAIN).build();
                ImgproxyRequest request = new ImgproxyRequest(options(v.get("options")), v.get("sourceUrl"), "");
                String url = signer.sign(request);
                assertNotEquals(v.get("nodeUrl"), url);
                for (ImgproxyServerVersion version : ImgproxyServerVersion.values()) {
                    assertAccepts(verifier(v, version), url, request);
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> verifierDecidesAsTheServer() {
        return VECTORS.tests("ImgproxyVerify").stream().map(v -> DynamicTest.dynamicTest(
                v.group().find("serverVersion").orElseThrow() + " " + v, () -> {
                    ImgproxyServerVersion version = ImgproxyServerVersion.valueOf(v.get("serverVersion").toUpperCase(java.util.Locale.ROOT));
                    Verification<ImgproxyRequest> r = verifier(v, version).verify(v.get("target"));
                    if (v.hasFlag("InvalidUtf8Source")) {
                        // Deviation (README): a Java String cannot carry the non-UTF-8 source the server accepts;
                        // the signature verified, so this is our refusal of a signed target.
                        assertEquals(Rejection.TARGET_REFUSED, r.rejection().orElseThrow());
                        assertEquals(404, ((Verification.Rejected<ImgproxyRequest>) r).httpStatus());
                    } else if (v.valid()) {
                        assertAccepts(verifier(v, version), v.get("target"),
                                new ImgproxyRequest(ImgproxyOptions.ofServerSegments(
                                        v.get("options").isEmpty() ? List.of() : List.of(v.get("options").split("/", -1))),
                                        v.get("sourceUrl"), v.get("extension")));
                    } else {
                        Verification.Rejected<ImgproxyRequest> rejected = assertInstance(r);
                        assertEquals(Rejection.valueOf(v.get("reason")), rejected.reason(), rejected.detail());
                        assertEquals(Integer.parseInt(v.get("status")), rejected.httpStatus(), rejected.detail());
                    }
                }));
    }

    private static Verification.Rejected<ImgproxyRequest> assertInstance(Verification<ImgproxyRequest> r) {
        assertTrue(r instanceof Verification.Rejected, r.toString());
        return (Verification.Rejected<ImgproxyRequest>) r;
    }
}
