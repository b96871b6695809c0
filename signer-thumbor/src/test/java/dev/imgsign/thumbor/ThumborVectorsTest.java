package dev.imgsign.thumbor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.imgsign.core.Rejection;
import dev.imgsign.core.Verification;
import dev.imgsign.vectors.TestVectors;
import dev.imgsign.vectors.TestVectors.Vector;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every vector of thumbor.json: libthumbor's published and peer URLs, and thumbor 7.8.0's decisions. */
class ThumborVectorsTest {
    private static final TestVectors VECTORS = TestVectors.load("thumbor");

    static Stream<Vector> signVectors() {
        return VECTORS.tests("ThumborSign").stream();
    }

    static Stream<Vector> verifyVectors() {
        return VECTORS.tests("ThumborVerify").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signVectors")
    void signProducesThePeersUrl(Vector v) {
        ThumborSigner signer = ThumborSigner.builder(VectorFields.keys(v)).build();
        assertEquals(v.get("signedUrl"), signer.sign(VectorFields.options(v), v.get("imageUrl")), v.source());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signVectors")
    void signedUrlVerifiesToWhatTheServerRead(Vector v) {
        Verification<ThumborRequest> result = VectorFields.verifier(v).verify(v.get("signedUrl"));
        ThumborRequest request = result.acceptedRequest().orElseThrow(() -> new AssertionError(result.toString()));
        assertEquals(v.get("imageUrl"), request.imageUrl());
        assertEquals(v.get("serverImageUrl"), PyUrl.quote(request.imageUrl(), "/"), "thumbor's image_url");
        assertEquals(VectorFields.options(v), VectorFields.normalized(request.options()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signVectors")
    void libthumborsLatin1KeyUrlIsRefused(Vector v) {
        v.find("libthumborUrl").ifPresent(url -> assertEquals(Rejection.BAD_SIGNATURE,
                VectorFields.verifier(v).verify(url).rejection().orElseThrow()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verifyVectors")
    void verifyDecidesAsTheServer(Vector v) {
        Verification<ThumborRequest> result = VectorFields.verifier(v).verify(v.get("requestTarget"));
        if (v.valid()) {
            ThumborRequest request = result.acceptedRequest().orElseThrow(() -> new AssertionError(result.toString()));
            assertEquals(v.get("imageUrl"), request.imageUrl());
            assertEquals(v.get("serverImageUrl"), PyUrl.quote(request.imageUrl(), "/"));
            assertEquals(VectorFields.options(v), VectorFields.normalized(request.options()));
            assertEquals(Boolean.parseBoolean(v.get("unsafe")), request.unsafe());
            return;
        }
        assertFalse(result.isAccepted(), "peer rejects: " + v.get("peerAnswer"));
        Verification.Rejected<ThumborRequest> rejected = (Verification.Rejected<ThumborRequest>) result;
        assertEquals(Integer.parseInt(v.get("httpStatus")), rejected.httpStatus(), rejected.toString());
        assertEquals(Rejection.valueOf(v.get("reason")), rejected.reason(), rejected.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signVectors")
    void everySignVectorNamesItsSource(Vector v) {
        assertNotEquals("", v.source());
    }
}
