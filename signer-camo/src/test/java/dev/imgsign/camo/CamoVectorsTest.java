package dev.imgsign.camo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.Verification;
import dev.imgsign.vectors.TestVectors;
import dev.imgsign.vectors.TestVectors.Vector;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every vector of camo.json: published url-tool output and peer-computed server answers. */
class CamoVectorsTest {
    private static final TestVectors VECTORS = TestVectors.load("camo");

    static Stream<Vector> signVectors() {
        return VECTORS.tests("CamoSign").stream();
    }

    static Stream<Vector> verifyVectors() {
        return VECTORS.tests("CamoVerify").stream();
    }

    static CamoEncoding encoding(Vector v) {
        return CamoEncoding.valueOf(v.get("encoding").toUpperCase(Locale.ROOT));
    }

    static CamoDialect dialect(Vector v) {
        return v.get("dialect").equals("go-camo") ? CamoDialect.GO_CAMO : CamoDialect.ATMOS_CAMO;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signVectors")
    void signProducesThePeersUrl(Vector v) {
        CamoSigner signer = CamoSigner.builder(KeySet.ofUtf8(v.get("key")))
                .prefix(v.get("prefix")).encoding(encoding(v)).build();
        assertEquals(v.get("signedUrl"), signer.sign(v.get("url")), v.source());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signVectors")
    void signedUrlVerifiesInEveryDialectThatAcceptsItsEncoding(Vector v) {
        String prefix = v.get("prefix");
        String target = v.get("signedUrl").substring(prefix.length());
        int dialects = 0;
        for (CamoDialect dialect : CamoDialect.values()) {
            if (!dialect.accepts(encoding(v))) {
                continue;
            }
            dialects++;
            CamoVerifier verifier = CamoVerifier.builder(KeySet.ofUtf8(v.get("key"))).dialect(dialect).build();
            Verification<String> result = verifier.verify(target);
            assertEquals(v.get("url"), result.acceptedRequest().orElse(null), dialect + ": " + result);
        }
        assertTrue(dialects > 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verifyVectors")
    void verifyAnswersAsThePeerServer(Vector v) {
        CamoVerifier verifier = CamoVerifier.builder(KeySet.ofUtf8(v.get("key"))).dialect(dialect(v)).build();
        Verification<String> result = verifier.verify(v.get("requestTarget"));
        if (v.valid()) {
            assertEquals(v.get("url"), result.acceptedRequest().orElse(null), result.toString());
            return;
        }
        assertFalse(result.isAccepted(), "peer rejects: " + v.find("peerAnswer").orElse(""));
        Verification.Rejected<String> rejected = (Verification.Rejected<String>) result;
        if (v.hasFlag("ServeMuxRedirect")) {
            assertEquals(Rejection.MALFORMED, rejected.reason());
            assertEquals(404, rejected.httpStatus());
        } else {
            assertEquals(Integer.parseInt(v.get("httpStatus")), rejected.httpStatus(), rejected.toString());
        }
        assertFalse(rejected.detail().isBlank());
    }

    /** GoUrlParse is run against the shared parser by signer-core's GoUrlTest. */
    @Test
    void everyVectorGroupIsExercised() {
        List<String> types = VECTORS.groups().stream().map(TestVectors.Group::type).distinct().toList();
        assertEquals(List.of("CamoSign", "CamoVerify", "GoUrlParse"), types);
        assertTrue(VECTORS.tests("CamoSign").stream().anyMatch(v -> v.hasFlag("Published")));
    }
}
