package dev.imgsign.imgproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.spi.SchemeConfig;
import dev.imgsign.core.spi.SchemeProvider;
import dev.imgsign.core.Schemes;
import dev.imgsign.core.SigningKey;
import dev.imgsign.core.UrlVerifier;
import dev.imgsign.vectors.TestVectors;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImgproxySchemeProviderTest {
    private static final String DOCS_URL = "/oKfUtW34Dvo2BGQehJFR4Nr0_rIjOtdtzJ3QFsUcXH8/rs:fill:300:400:0/g:sm/"
            + "aHR0cDovL2V4YW1w/bGUuY29tL2ltYWdl/cy9jdXJpb3NpdHku/anBn.png";

    private static SchemeConfig config(KeySet keys, Map<String, String> options) {
        return SchemeConfig.builder().keys(keys).options(options).build();
    }

    private static SchemeConfig docs(Map<String, String> options) {
        return config(KeySet.of(SigningKey.ofHex("736563726574")), options);
    }

    @Test
    void providerIsFoundByNameThroughTheServiceLoader() {
        SchemeProvider provider = Schemes.provider("imgproxy");
        assertInstanceOf(ImgproxySchemeProvider.class, provider);
        assertTrue(provider.optionNames().containsAll(java.util.Set.of("salts", "signatureSize", "serverVersion",
                "trustedSignatures")));
        assertTrue(!provider.description().isBlank());
    }

    @Test
    void configuredSignerReproducesTheDocsExample() {
        TestVectors.Vector docs = TestVectors.load("imgproxy").tests("ImgproxySign").get(0);
        ImgproxySigner signer = (ImgproxySigner) Schemes.provider("imgproxy").signer(docs(Map.of("salts", "68656C6C6F",
                "base64ChunkLength", "16", "baseUrl", "http://imgproxy.example.com/")));
        assertEquals("http://imgproxy.example.com" + docs.get("signedUrl"), signer.sign(new ImgproxyRequest(
                ImgproxyVectorsTest.options(docs.get("options")), docs.get("sourceUrl"), docs.get("extension"))));
    }

    @Test
    void configuredVerifierHonoursVersionSizePairsAndTrustedSignatures() {
        SchemeProvider p = Schemes.provider("imgproxy");
        UrlVerifier<?> v3 = p.verifier(docs(Map.of("salts", "68656C6C6F", "serverVersion", "v3")));
        assertEquals(ImgproxyServerVersion.V3, ((ImgproxyVerifier) v3).serverVersion());
        assertTrue(v3.verify(DOCS_URL).isAccepted());
        assertEquals(404, ((dev.imgsign.core.Verification.Rejected<?>) v3.verify("/" + DOCS_URL)).httpStatus());
        UrlVerifier<?> v4 = p.verifier(docs(Map.of("salts", "68656C6C6F")));
        assertTrue(v4.verify("/" + DOCS_URL).isAccepted());
        UrlVerifier<?> rotated = p.verifier(config(KeySet.of(SigningKey.ofHex("00ff"), SigningKey.ofHex("736563726574")),
                Map.of("salts", "0102, 68656C6C6F", "trustedSignatures", "abc,def")));
        assertEquals(1, ((dev.imgsign.core.Verification.Accepted<?>) rotated.verify(DOCS_URL)).keyIndex());
        assertTrue(rotated.verify("/def/plain/http://x/y").isAccepted());
        UrlVerifier<?> truncated = p.verifier(docs(Map.of("salts", "68656C6C6F", "signatureSize", "8")));
        assertEquals(Rejection.BAD_SIGNATURE, truncated.verify(DOCS_URL).rejection().orElseThrow());
        UrlVerifier<?> unsigned = p.verifier(SchemeConfig.builder().option("unsigned", "true").build());
        assertTrue(unsigned.verify("/insecure/plain/http://x/y").isAccepted());
        // The one boolean rule (ASCII case-insensitive, spaces stripped) and the version's other spellings.
        UrlVerifier<?> unsignedV3 = p.verifier(SchemeConfig.builder().option("unsigned", " TRUE ")
                .option("serverVersion", "V3").build());
        assertEquals(ImgproxyServerVersion.V3, ((ImgproxyVerifier) unsignedV3).serverVersion());
        assertTrue(unsignedV3.verify("/insecure/plain/http://x/y").isAccepted());
        assertEquals(Rejection.TARGET_REFUSED, unsignedV3.verify("/insecure/plain/http://x/%FF").rejection().orElseThrow());
        UrlVerifier<?> prefixed = p.verifier(docs(Map.of("salts", "68656C6C6F", "pathPrefix", "/info", "maxLength", "200")));
        assertTrue(prefixed.verify("/info" + DOCS_URL).isAccepted());
        assertEquals(Rejection.TOO_LONG, prefixed.verify("/info" + DOCS_URL + "x".repeat(200)).rejection().orElseThrow());
    }

    @Test
    void badConfigurationsAreRefusedWithTheirName() {
        SchemeProvider p = Schemes.provider("imgproxy");
        String[][] cases = {
            {"salt", "x"}, {"salts", "zz"}, {"salts", ""}, {"salts", "01,02"}, {"signatureSize", "33"},
            {"signatureSize", "x"}, {"serverVersion", "v5"}, {"pathPrefix", "info"},
        };
        for (String[] c : cases) {
            Map<String, String> options = c[0].equals("salts") ? Map.of(c[0], c[1])
                    : Map.of("salts", "68656C6C6F", c[0], c[1]);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> p.verifier(docs(options)).verify("/"), c[0]);
            if (!c[0].equals("serverVersion")) {
                assertThrows(IllegalArgumentException.class, () -> p.signer(docs(options)), c[0]);
            }
            assertTrue(e.getMessage().contains(c[0]) || e.getMessage().contains("salt"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> p.signer(docs(Map.of("salts", "01", "sourceForm", "hex"))));
        assertThrows(IllegalArgumentException.class, () -> p.signer(docs(Map.of("salts", "01", "base64ChunkLength", "-1"))));
        assertThrows(IllegalArgumentException.class, () -> p.signer(docs(Map.of())));
        assertThrows(IllegalArgumentException.class, () -> p.signer(docs(Map.of("salts", "01", "saltsEnv", "X"))));
        assertThrows(IllegalArgumentException.class,
                () -> p.signer(docs(Map.of("saltsEnv", "IMGSIGN_SURELY_UNSET_VARIABLE_4711"))));
        assertThrows(IllegalArgumentException.class, () -> p.verifier(SchemeConfig.builder().build()));
        assertThrows(IllegalArgumentException.class, () -> p.verifier(docs(Map.of("unsigned", "true"))));
        assertThrows(IllegalArgumentException.class, () -> p.verifier(SchemeConfig.builder().option("unsigned", "yes").build()));
        assertThrows(IllegalArgumentException.class, () -> p.verifier(SchemeConfig.builder().option("unsigned", "fal\u017fe").build()));
        assertThrows(IllegalArgumentException.class, () -> p.verifier(docs(Map.of("salts", "01", "maxLength", "0"))));
        assertThrows(IllegalArgumentException.class, () -> p.verifier(docs(Map.of("salts", "01", "signatureSize", "0"))));
    }
}
