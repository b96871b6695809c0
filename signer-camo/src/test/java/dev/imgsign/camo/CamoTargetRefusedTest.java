package dev.imgsign.camo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.ProxyRequest;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.Verification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * {@link Rejection#TARGET_REFUSED}: the digest verified, but the dialect's server refuses the signed URL
 * after the MAC. Each refusal per dialect and per URL form, with the status that server answers; the same
 * target with a forged digest stays {@link Rejection#BAD_SIGNATURE} (the MAC is checked first), so the
 * new kind never tells a forger anything. Signed with the JDK's own {@code Mac}, not our signer.
 */
class CamoTargetRefusedTest {
    private static final KeySet KEYS = KeySet.ofUtf8("test");
    private static final CamoVerifier GO = CamoVerifier.builder(KEYS).build();
    private static final CamoVerifier GO_STRICT = CamoVerifier.builder(KEYS).rejectPrivateAddresses(true).build();
    private static final CamoVerifier ATMOS = CamoVerifier.builder(KEYS).dialect(CamoDialect.ATMOS_CAMO).build();
    private static final CamoVerifier ATMOS_STRICT =
            CamoVerifier.builder(KEYS).dialect(CamoDialect.ATMOS_CAMO).rejectPrivateAddresses(true).build();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private static byte[] mac(byte[] url) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec("test".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return mac.doFinal(url);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static String hex(byte[] url) {
        return "/" + HexFormat.of().formatHex(mac(url)) + "/" + HexFormat.of().formatHex(url);
    }

    private static String hex(String url) {
        return hex(url.getBytes(StandardCharsets.UTF_8));
    }

    private static String base64(String url) {
        byte[] bytes = url.getBytes(StandardCharsets.UTF_8);
        return "/" + B64.encodeToString(mac(bytes)) + "/" + B64.encodeToString(bytes);
    }

    private static String query(String url) {
        byte[] bytes = url.getBytes(StandardCharsets.UTF_8);
        return "/" + HexFormat.of().formatHex(mac(bytes)) + "?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8);
    }

    /** The same target with the digest's first hex digit changed: nobody signed it. */
    private static String forged(String hexTarget) {
        char first = hexTarget.charAt(1);
        return "/" + (first == '0' ? '1' : '0') + hexTarget.substring(2);
    }

    private static void assertRefused(int status, Verification<String> v, String what) {
        assertFalse(v.isAccepted(), what);
        Verification.Rejected<String> r = (Verification.Rejected<String>) v;
        assertEquals(Rejection.TARGET_REFUSED, r.reason(), what + ": " + r.detail());
        assertEquals(status, r.httpStatus(), what + ": " + r.detail());
    }

    private static void assertForgeryIsBadSignature(CamoVerifier verifier, String hexTarget) {
        assertEquals(Rejection.BAD_SIGNATURE, verifier.verify(forged(hexTarget)).rejection().orElseThrow(), hexTarget);
    }

    // ------------------------------------------------------------------ go-camo

    @Test
    void goCamoRefusesSchemesOtherThanHttpAndHttpsWith404() {
        for (String url : List.of("ftp://example.com/a.png", "javascript:alert(1)", "file:///etc/passwd",
                "data:image/png;base64,AAAA", "//example.com/a.png")) {
            assertRefused(404, GO.verify(hex(url)), url);
            assertRefused(404, GO.verify(base64(url)), url);
            assertForgeryIsBadSignature(GO, hex(url));
        }
    }

    @Test
    void goCamoRefusesATargetWithoutAHostWith404() {
        for (String url : List.of("http:example.com/a.png", "http:///a.png", "https:/a.png")) {
            assertRefused(404, GO.verify(hex(url)), url);
            assertRefused(404, GO.verify(base64(url)), url);
            assertForgeryIsBadSignature(GO, hex(url));
        }
    }

    @Test
    void goCamoRefusesUserinfoWith404() {
        for (String url : List.of("http://user:pass@example.com/a.png", "http://@example.com/a.png")) {
            assertRefused(404, GO.verify(hex(url)), url);
            assertRefused(404, GO.verify(base64(url)), url);
            assertForgeryIsBadSignature(GO, hex(url));
        }
    }

    @Test
    void goCamoRefusesATargetGoCannotParseWith400() {
        for (String url : List.of("http://example.com:port/a.png", "http://a/\u001f", "http://[::1/a")) {
            assertRefused(400, GO.verify(hex(url)), url);
            assertForgeryIsBadSignature(GO, hex(url));
        }
    }

    @Test
    void goCamoRefusesATargetThatIsNotUtf8With400() {
        byte[] bytes = {'h', 't', 't', 'p', ':', '/', '/', 'a', '/', (byte) 0xff};
        assertRefused(400, GO.verify(hex(bytes)), "http://a/\\xff");
        assertForgeryIsBadSignature(GO, hex(bytes));
    }

    @Test
    void goCamoRefusesPrivateAddressesUnderThePolicyWith404() {
        for (String url : List.of("http://127.0.0.1/a", "http://localhost/a", "http://[::1]/a", "http://10.0.0.1/a")) {
            assertEquals(url, GO.verify(hex(url)).orElseThrow());
            assertRefused(404, GO_STRICT.verify(hex(url)), url);
            assertRefused(404, GO_STRICT.verify(base64(url)), url);
            assertForgeryIsBadSignature(GO_STRICT, hex(url));
        }
    }

    // --------------------------------------------------------------- atmos/camo

    @Test
    void atmosRefusesProtocolsOtherThanHttpAndHttpsWith404() {
        for (String url : List.of("ftp://example.com/a.png", "javascript:alert(1)", "file:///etc/passwd",
                "//example.com/a.png")) {
            assertRefused(404, ATMOS.verify(hex(url)), url);
            assertRefused(404, ATMOS.verify(query(url)), url);
            assertForgeryIsBadSignature(ATMOS, hex(url));
        }
    }

    @Test
    void atmosRefusesATargetWithoutAHostWith404() {
        for (String url : List.of("http:example.com/a.png", "http:///a.png", "http://x@/a.png")) {
            assertRefused(404, ATMOS.verify(hex(url)), url);
            assertRefused(404, ATMOS.verify(query(url)), url);
            assertForgeryIsBadSignature(ATMOS, hex(url));
        }
    }

    @Test
    void atmosRefusesPrivateAddressesUnderThePolicyWith404() {
        for (String url : List.of("http://127.0.0.1/a", "http://localhost/a", "http://[::1]/a", "http://10.0.0.1/a")) {
            assertEquals(url, ATMOS.verify(hex(url)).orElseThrow());
            assertRefused(404, ATMOS_STRICT.verify(hex(url)), url);
            assertRefused(404, ATMOS_STRICT.verify(query(url)), url);
            assertForgeryIsBadSignature(ATMOS_STRICT, hex(url));
        }
    }

    // ------------------------------------------------------------------ entry

    @Test
    void theRequestValueAndTheBareTargetGiveTheSameAnswer() {
        for (CamoVerifier verifier : List.of(GO, ATMOS_STRICT)) {
            for (String target : List.of(hex("http://example.com/a.png"), hex("ftp://x/y"), query("http://10.0.0.1/"),
                    "/" + "0".repeat(40) + "?url=x", "/nope")) {
                assertEquals(verifier.verify(target), verifier.verify(ProxyRequest.of(target, "https://r.example/")),
                        target);
            }
        }
    }

    @Test
    void aPrefixHoldingAQuestionMarkStillFindsTheQuery() {
        String url = "http://example.com/a.png";
        CamoSigner signer = CamoSigner.builder(KEYS).prefix("https://img.example.org/p?x=1").encoding(CamoEncoding.QUERY)
                .build();
        CamoVerifier verifier = CamoVerifier.builder(KEYS).prefix("https://img.example.org/p?x=1")
                .dialect(CamoDialect.ATMOS_CAMO).build();
        assertEquals(url, verifier.verify(ProxyRequest.of(signer.sign(url))).orElseThrow());
    }
}
