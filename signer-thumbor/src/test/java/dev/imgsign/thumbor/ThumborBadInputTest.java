package dev.imgsign.thumbor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.Verification;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The bad-input catalogue: each kind of hostile request target gets the rejection and status the
 * module README documents. Signed inputs are signed here with the JDK's {@code javax.crypto.Mac}, not
 * with our signer, so a bad signer cannot hide a verifier bug.
 */
class ThumborBadInputTest {
    private static final KeySet KEYS = KeySet.ofUtf8("my-security-key");
    private static final ThumborVerifier VERIFIER = ThumborVerifier.builder(KEYS).build();
    private static final ThumborVerifier UNSAFE = ThumborVerifier.builder(KEYS).allowUnsafe(true).build();
    private static final String IMG = "my.server.com/some/path/to/image.jpg";

    /** {@code /<base64url(HMAC-SHA1(my-security-key, message))>/<message>} with the JDK's Mac. */
    static String signed(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec("my-security-key".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return "/" + Base64.getUrlEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)))
                    + "/" + message;
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertRejected(Rejection reason, int status, Verification<ThumborRequest> v) {
        assertFalse(v.isAccepted(), v.toString());
        Verification.Rejected<ThumborRequest> r = (Verification.Rejected<ThumborRequest>) v;
        assertEquals(reason, r.reason(), r.detail());
        assertEquals(status, r.httpStatus(), r.detail());
    }

    @Test
    void theJdkSignedTargetIsThePublishedExample() {
        assertEquals("/8ammJH8D-7tXy6kU3lTvoXlhu4o=/300x200/" + IMG, signed("300x200/" + IMG));
    }

    @Test
    void emptyNullAndShapeless() {
        for (String bad : new String[] {null, "", "/", "//", "///", "/abc", "/unsafe/", "x/y/z", "?a=b", "/?"}) {
            assertRejected(Rejection.MALFORMED, 400, VERIFIER.verify(bad));
        }
    }

    @Test
    void rawControlsSpacesAndNonAsciiInTheTarget() {
        String ok = signed("300x200/" + IMG);
        for (String bad : new String[] {ok + "\u0000", ok.replace("/300", "/\u0000300"), ok + "\r\n", ok + " ",
                ok + "\u007f", ok + "\u0085", ok + "\u2028", ok + "\ud800", ok + "\uD83D\uDE00", ok + "?q=\u00e9"}) {
            assertRejected(Rejection.MALFORMED, 400, VERIFIER.verify(bad));
        }
    }

    @Test
    void overlongTargetsAreRefusedBeforeAnyWork() {
        String huge = "/" + "a".repeat(1 << 20);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertRejected(Rejection.TOO_LONG, 414, VERIFIER.verify(huge)));
    }

    @Test
    void longPathologicalTargetsStayLinear() {
        ThumborVerifier big = ThumborVerifier.builder(KEYS).maxLength(1 << 21).build();
        String[] worst = {"/" + "filters:".repeat(100_000), "/a" + ")".repeat(500_000) + "/",
                "/" + "/".repeat(1 << 20), "/" + "%".repeat(1 << 20), "/" + "%25".repeat(300_000),
                "/unsafe/" + "x/".repeat(400_000), "/" + "trim:top-left:".repeat(50_000) + "/a"};
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (String target : worst) {
                assertFalse(big.verify(target).isAccepted());
            }
        });
    }

    @Test
    void signatureShapes() {
        String good = signed("300x200/" + IMG);
        String sig = good.substring(1, 29);
        String rest = good.substring(29);
        for (String bad : new String[] {sig.substring(0, 27), sig + "=", sig.replace('=', 'A'), "A" + sig,
                sig.substring(0, 26) + "B=", sig.replace('-', '+'), sig.replace('_', '/'), sig.toLowerCase(java.util.Locale.ROOT),
                "%20" + sig, sig + "%20", "x".repeat(4000)}) {
            if (bad.equals(sig)) {
                continue; // the transformation did not change this signature
            }
            assertRejected(Rejection.BAD_SIGNATURE, 400, VERIFIER.verify("/" + bad + rest));
        }
        assertRejected(Rejection.MALFORMED, 400, VERIFIER.verify("/%C0%80" + rest));
    }

    @Test
    void invalidUtf8AfterOneDecodeIsMalformed() {
        for (String bad : new String[] {"300x200/my.server.com/%FF", "300x200/my.server.com/%C3", "300x200/my.server.com/%E2%82",
                "300x200/my.server.com/%F4%90%80%80", "filters:a(%80)/" + IMG}) {
            assertRejected(Rejection.MALFORMED, 400, VERIFIER.verify(signed(bad)));
        }
    }

    /** thumbor refuses these before the signature (400); signed, they are our app's mistake, not garbage. */
    @Test
    void imageWithoutAHostIsTargetRefusedWhenSignedAndBadSignatureOtherwise() {
        for (String bad : new String[] {"300x200/httpbin.org/a.jpg", "300x200//a.jpg", "300x200/http:/a.jpg",
                "300x200/https:x", "300x200/%2F%2Fa", "300x200/@", "300x200/:1", "300x200/%3F"}) {
            assertRejected(Rejection.TARGET_REFUSED, 400, VERIFIER.verify(signed(bad)));
            assertRejected(Rejection.BAD_SIGNATURE, 400, VERIFIER.verify(signed(bad + "x").replace(bad + "x", bad)));
            assertRejected(Rejection.BAD_SIGNATURE, 400, VERIFIER.verify("/AAAAAAAAAAAAAAAAAAAAAAAAAAA=/" + bad));
        }
    }

    @Test
    void urlsplitRaisingIsAServerErrorTargetRefusedWhenSigned() {
        assertRejected(Rejection.TARGET_REFUSED, 500, VERIFIER.verify(signed("300x200/%5D%2541/a.jpg")));
        // A bracketed host in a double-escaped image: CPython validates the IP literal; we always refuse (README).
        assertRejected(Rejection.TARGET_REFUSED, 500, VERIFIER.verify(signed("300x200/%5B%3A%3A1%5D%2541/a.jpg")));
        // thumbor raises before it looks at the signature: a forged one is still answered 500.
        assertRejected(Rejection.BAD_SIGNATURE, 500, VERIFIER.verify("/AAAAAAAAAAAAAAAAAAAAAAAAAAA=/300x200/%5D%2541/a.jpg"));
    }

    @Test
    void unsafeVariants() {
        assertRejected(Rejection.BAD_SIGNATURE, 400, VERIFIER.verify("/unsafe/" + IMG));
        assertRejected(Rejection.BAD_SIGNATURE, 400, UNSAFE.verify("/Unsafe/" + IMG));
        assertRejected(Rejection.BAD_SIGNATURE, 400, UNSAFE.verify("/unsafe%2F" + IMG));
        assertRejected(Rejection.MALFORMED, 400, UNSAFE.verify("/unsafe/"));
        assertRejected(Rejection.TARGET_REFUSED, 400, UNSAFE.verify("/unsafe/httpbin.org/a"));
        assertRejected(Rejection.BAD_SIGNATURE, 400, VERIFIER.verify("/unsafe/httpbin.org/a"));
    }
}
