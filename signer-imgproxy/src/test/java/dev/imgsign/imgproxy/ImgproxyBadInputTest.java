package dev.imgsign.imgproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.ProxyRequest;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.Verification;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The bad-input catalogue: each kind of hostile request target gets the rejection the module README
 * documents, on both server versions unless said otherwise. Signatures for well-formed inputs are computed
 * here with the JDK's {@code javax.crypto.Mac} (key {@code secret}, salt {@code hello}), not with our signer.
 */
class ImgproxyBadInputTest {
    private static final KeySet KEYS = ImgproxyKeys.hexList("keys", "736563726574");
    private static final KeySet SALTS = ImgproxyKeys.hexList("salts", "68656c6c6f");
    private static final ImgproxyVerifier V3 = ImgproxyVerifier.builder(KEYS).salts(SALTS).serverVersion(ImgproxyServerVersion.V3).build();
    private static final ImgproxyVerifier V4 = ImgproxyVerifier.builder(KEYS).salts(SALTS).build();
    /** The docs example path and its published signature (imgproxy.json). */
    private static final String PATH = "/rs:fill:300:400:0/g:sm/aHR0cDovL2V4YW1w/bGUuY29tL2ltYWdl/cy9jdXJpb3NpdHku/anBn.png";
    private static final String SIG = "oKfUtW34Dvo2BGQehJFR4Nr0_rIjOtdtzJ3QFsUcXH8";

    private static String sig(String path) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("secret".getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            mac.update("hello".getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(path.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static void rejected(Rejection reason, int status, String target) {
        for (ImgproxyVerifier v : new ImgproxyVerifier[] {V3, V4}) {
            rejected(v, reason, status, target);
        }
    }

    private static void rejected(ImgproxyVerifier verifier, Rejection reason, int status, String target) {
        Verification<ImgproxyRequest> v = verifier.verify(target);
        assertFalse(v.isAccepted(), () -> verifier.serverVersion() + " " + target);
        Verification.Rejected<ImgproxyRequest> r = (Verification.Rejected<ImgproxyRequest>) v;
        assertEquals(reason, r.reason(), r.detail());
        assertEquals(status, r.httpStatus(), r.detail());
        assertFalse(r.detail().contains(SIG), "a detail never echoes a signature");
    }

    /**
     * A correctly signed source that is not UTF-8 has the server's shape and both servers accept it, but a
     * Java string cannot carry it: our refusal of a signed target, TARGET_REFUSED with the 404 we have
     * always answered, on each version, in the plain and the base64 form. The same path with a wrong
     * signature is BAD_SIGNATURE 403: the refusal never hides a forgery.
     */
    @Test
    void aSignedSourceThatIsNotUtf8IsTargetRefusedOnEachVersion() {
        String plain = "/plain/http://x/%FF.jpg";
        String base64 = "/" + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {'h', 't', (byte) 0xc3});
        for (String path : new String[] {plain, base64}) {
            rejected(V3, Rejection.TARGET_REFUSED, 404, "/" + sig(path) + path);
            rejected(V4, Rejection.TARGET_REFUSED, 404, "/" + sig(path) + path);
            rejected(V4, Rejection.TARGET_REFUSED, 404, "/" + sig(path) + "/" + path); // v4 drops one '/'
            rejected(Rejection.BAD_SIGNATURE, 403, "/" + sig(path + "x") + path);
        }
        ImgproxyVerifier unsigned = ImgproxyVerifier.builderWithoutKeys().serverVersion(ImgproxyServerVersion.V3).build();
        rejected(unsigned, Rejection.TARGET_REFUSED, 404, "/any" + plain);
        rejected(ImgproxyVerifier.builderWithoutKeys().build(), Rejection.TARGET_REFUSED, 404, "/any" + plain);
    }

    @Test
    void theProxyRequestIsTheEntryPointAndItsQueryIsNeverSigned() {
        for (ImgproxyVerifier v : new ImgproxyVerifier[] {V3, V4}) {
            assertTrue(v.verify(ProxyRequest.of("/" + SIG + PATH + "?a=%zz/b?c", "https://site.example/")).isAccepted());
            assertTrue(v.verify("/" + SIG + PATH + "?").isAccepted());
        }
        ImgproxyVerifier withBase = ImgproxyVerifier.builder(KEYS).salts(SALTS).baseUrl("https://img.example").build();
        assertTrue(withBase.verify("https://img.example/" + SIG + PATH + "?x=/y").isAccepted());
        rejected(withBase, Rejection.BAD_SIGNATURE, 403, "https://img.example/" + SIG + PATH.replace("g:sm", "g:ce") + "?x");
    }

    @Test
    void theJdkSignatureIsThePublishedOne() {
        assertEquals(SIG, sig(PATH));
        assertTrue(V3.verify("/" + SIG + PATH).isAccepted());
    }

    @Test
    void nullEmptyAndNotAPath() {
        rejected(Rejection.MALFORMED, 400, null);
        rejected(Rejection.MALFORMED, 400, "");
        rejected(Rejection.MALFORMED, 400, "*");
        rejected(Rejection.MALFORMED, 400, "http://imgproxy.example/" + SIG + PATH);
    }

    @Test
    void blanksControlsAndBrokenEscapesAreAnsweredAsGosHttpServerDoes() {
        for (String bad : new String[] {" ", "\t", "\n", "\r", "\u0000", "\u007f", "\u000b"}) {
            rejected(Rejection.MALFORMED, 400, "/" + SIG + PATH + bad);
            rejected(Rejection.MALFORMED, 400, "/" + SIG + PATH + "?q=" + bad);
        }
        rejected(Rejection.MALFORMED, 400, "/" + SIG + PATH + "%");
        rejected(Rejection.MALFORMED, 400, "/" + SIG + PATH + "%4");
        rejected(Rejection.MALFORMED, 400, "/" + SIG + "/plain/http://x/%G0");
        rejected(Rejection.MALFORMED, 400, "/" + SIG + PATH + "\ud800");
        rejected(Rejection.MALFORMED, 400, "/" + SIG + PATH + "\udc00x");
    }

    @Test
    void tooLongIsRefusedBeforeAnyWork() {
        rejected(Rejection.TOO_LONG, 414, "/" + SIG + "/plain/http://x/" + "a".repeat(ImgproxyVerifier.DEFAULT_MAX_LENGTH));
        ImgproxyVerifier small = ImgproxyVerifier.builder(KEYS).salts(SALTS).maxLength(20).build();
        rejected(small, Rejection.TOO_LONG, 414, "/" + SIG + PATH);
    }

    @Test
    void missingSegmentsAre404() {
        rejected(Rejection.MALFORMED, 404, "/");
        rejected(Rejection.MALFORMED, 404, "/" + SIG);
        rejected(V4, Rejection.MALFORMED, 404, "/" + SIG + "/");
        rejected(V3, Rejection.MALFORMED, 404, "//" + SIG + PATH);
        rejected(Rejection.MALFORMED, 404, "///" + SIG + PATH);
    }

    @Test
    void placeholdersAndBadEncodingsAre403() {
        rejected(Rejection.BAD_SIGNATURE, 403, "/insecure" + PATH);
        rejected(Rejection.BAD_SIGNATURE, 403, "/_" + PATH);
        rejected(Rejection.BAD_SIGNATURE, 403, "/unsafe" + PATH);
        rejected(Rejection.BAD_SIGNATURE, 403, "/" + SIG + "=" + PATH);
        rejected(Rejection.BAD_SIGNATURE, 403, "/" + SIG.replace('_', '/') + PATH);
        rejected(Rejection.BAD_SIGNATURE, 403, "/" + SIG.replace('o', '+') + PATH);
        rejected(Rejection.BAD_SIGNATURE, 403, "/" + SIG + "%3D" + PATH);
        rejected(Rejection.BAD_SIGNATURE, 403, "/\u00e9" + PATH);
        rejected(Rejection.BAD_SIGNATURE, 403, "/rs:fill:1:1" + PATH);
    }

    @Test
    void v4PanicsOnAnEmptyPathWithADecodableSignature() {
        rejected(V4, Rejection.MALFORMED, 500, "/" + SIG + "//");
        rejected(V4, Rejection.MALFORMED, 500, "/insecure//");
        rejected(V4, Rejection.BAD_SIGNATURE, 403, "/_//");
        rejected(V3, Rejection.BAD_SIGNATURE, 403, "/" + SIG + "//");
    }

    @Test
    void pathsThatParseBadlyAfterAGoodSignatureAre404() {
        for (String path : new String[] {"/rs:fit:1:1", "/rs:fit:1:1/plain/", "/fit/1/1/sm/0/aHR0cDovL3g", "/aHR0cDovL3g.png.jpg",
                "/plain/http://x/a@b@c", "/aHR0cDovL3g!", "/.png", "/plain/@png", "/%2F"}) {
            rejected(Rejection.MALFORMED, 404, "/" + sig(path) + path);
        }
    }

    @Test
    void hugeInputsStayLinear() {
        ImgproxyVerifier big = ImgproxyVerifier.builder(KEYS).salts(SALTS).maxLength(4 << 20).build();
        String colons = "/" + SIG + "/plain/" + "a:/".repeat(1 << 20);
        long start = System.nanoTime();
        rejected(big, Rejection.BAD_SIGNATURE, 403, colons);
        rejected(big, Rejection.BAD_SIGNATURE, 403, "/" + SIG + "/" + "x:".repeat(1 << 20) + "/a");
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "linear work");
    }
}
