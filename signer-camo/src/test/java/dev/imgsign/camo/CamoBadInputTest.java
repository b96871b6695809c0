package dev.imgsign.camo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.Verification;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The bad-input catalogue: each kind of hostile request target gets the rejection and status the
 * module README documents, for both dialects. Correctly signed inputs are signed here with the JDK's
 * own {@code javax.crypto.Mac}, not with our signer, so a bad signer cannot hide a verifier bug.
 */
class CamoBadInputTest {
    private static final KeySet KEYS = KeySet.ofUtf8("test");
    private static final CamoVerifier GO = CamoVerifier.builder(KEYS).build();
    private static final CamoVerifier ATMOS = CamoVerifier.builder(KEYS).dialect(CamoDialect.ATMOS_CAMO).build();
    /** go-camo's README example (camo.json tcId 1). */
    private static final String DIGEST = "0f6def1cb147b0e84f39cbddc5ea10c80253a6f3";
    private static final String HEX_URL =
            "687474703a2f2f676f6c616e672e6f72672f646f632f676f706865722f66726f6e74706167652e706e67";
    private static final String ONE_MIB = "/" + "a".repeat((1 << 20) - 1);

    /** {@code /<hex HMAC-SHA1(test, bytes)>/<hex bytes>}, computed with the JDK's Mac. */
    private static String hexTarget(byte[] urlBytes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec("test".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return "/" + HexFormat.of().formatHex(mac.doFinal(urlBytes)) + "/" + HexFormat.of().formatHex(urlBytes);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static String hexTarget(String url) {
        return hexTarget(url.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRejected(Rejection reason, int status, Verification<String> v) {
        assertFalse(v.isAccepted(), v.toString());
        Verification.Rejected<String> r = (Verification.Rejected<String>) v;
        assertEquals(reason, r.reason(), r.detail());
        assertEquals(status, r.httpStatus(), r.detail());
    }

    @Test
    void theHexTargetBuiltHereIsTheGoCamoReadmeExample() {
        assertEquals("/" + DIGEST + "/" + HEX_URL, hexTarget("http://golang.org/doc/gopher/frontpage.png"));
    }

    // ------------------------------------------------------------------ go-camo

    @Test
    void goCamoEmptyAndNull() {
        assertRejected(Rejection.MALFORMED, 400, GO.verify(""));
        assertRejected(Rejection.MALFORMED, 400, GO.verify(null));
    }

    @Test
    void goCamoSlashAndOnlyADigestHaveTheWrongNumberOfSegments() {
        assertRejected(Rejection.MALFORMED, 404, GO.verify("/"));
        assertRejected(Rejection.MALFORMED, 404, GO.verify("/" + DIGEST));
        assertRejected(Rejection.MALFORMED, 403, GO.verify("/" + DIGEST + "/"));
        assertRejected(Rejection.MALFORMED, 404, GO.verify("//" + HEX_URL));
    }

    @Test
    void goCamoOverlongIsRefusedBeforeAnyWork() {
        assertRejected(Rejection.TOO_LONG, 414, GO.verify(ONE_MIB));
        assertRejected(Rejection.TOO_LONG, 414, GO.verify("/" + DIGEST + "/" + HEX_URL + "?" + "x".repeat(8192)));
    }

    @Test
    void goCamoNulAndControlCharactersAreNotHex() {
        assertRejected(Rejection.MALFORMED, 400, GO.verify("\u0000/" + DIGEST + "/" + HEX_URL));
        assertRejected(Rejection.MALFORMED, 403, GO.verify("/" + DIGEST + "/" + HEX_URL.substring(2) + "\u0000\u0000"));
        assertRejected(Rejection.MALFORMED, 403, GO.verify("/" + DIGEST.substring(1) + "\n/" + HEX_URL));
        assertRejected(Rejection.MALFORMED, 403, GO.verify("/" + DIGEST + "/" + HEX_URL.substring(2) + "%0a"));
    }

    @Test
    void goCamoInvalidPercentEscapes() {
        assertRejected(Rejection.MALFORMED, 400, GO.verify("/%zz/" + HEX_URL));
        assertRejected(Rejection.MALFORMED, 400, GO.verify("/" + DIGEST + "/" + HEX_URL + "%"));
        assertRejected(Rejection.MALFORMED, 400, GO.verify("/" + DIGEST + "/" + HEX_URL + "%4"));
    }

    @Test
    void goCamoSignedUrlThatIsNotUtf8() {
        byte[] bytes = {'h', 't', 't', 'p', ':', '/', '/', 'a', '/', (byte) 0xff};
        assertRejected(Rejection.MALFORMED, 400, GO.verify(hexTarget(bytes)));
    }

    @Test
    void goCamoSignedNonHttpSchemes() {
        for (String url : new String[] {"javascript:alert(1)", "ftp://example.com/a.png", "file:///etc/passwd",
                "data:image/png;base64,AAAA", "//example.com/a.png"}) {
            assertRejected(Rejection.MALFORMED, 404, GO.verify(hexTarget(url)));
        }
    }

    @Test
    void goCamoSignedUserinfo() {
        assertRejected(Rejection.MALFORMED, 404, GO.verify(hexTarget("http://user:pass@example.com/a.png")));
        assertRejected(Rejection.MALFORMED, 404, GO.verify(hexTarget("http://@example.com/a.png")));
    }

    @Test
    void goCamoHugeDigestsAreTheWrongLength() {
        // Not 40 characters, so base64, which decodes to far more than the 20 bytes of an HMAC-SHA1.
        assertRejected(Rejection.BAD_SIGNATURE, 403, GO.verify("/" + "A".repeat(4000) + "/aHR0cDovL2E"));
    }

    @Test
    void goCamoIgnoresTheQueryEvenDuplicatedParameters() {
        String target = "/" + DIGEST + "/" + HEX_URL;
        assertEquals("http://golang.org/doc/gopher/frontpage.png",
                GO.verify(target + "?url=http://evil.example/&url=x").orElseThrow());
    }

    // --------------------------------------------------------------- atmos/camo

    @Test
    void atmosEmptyNullSlashAndOnlyADigest() {
        assertRejected(Rejection.MALFORMED, 404, ATMOS.verify(""));
        assertRejected(Rejection.MALFORMED, 404, ATMOS.verify(null));
        assertRejected(Rejection.MALFORMED, 404, ATMOS.verify("/"));
        assertRejected(Rejection.MALFORMED, 404, ATMOS.verify("/" + DIGEST));
        assertRejected(Rejection.MALFORMED, 404, ATMOS.verify("/" + DIGEST + "?url="));
    }

    @Test
    void atmosOverlong() {
        assertRejected(Rejection.TOO_LONG, 404, ATMOS.verify(ONE_MIB));
    }

    @Test
    void atmosNulAndControlCharactersAreNotLowercaseHex() {
        // Neither the path segment nor a query url: no target URL at all.
        assertRejected(Rejection.MALFORMED, 404, ATMOS.verify("/" + DIGEST + "/" + HEX_URL.substring(2) + "\u0000\u0000"));
        // The URL is fine but the digest is not 40 lowercase hex characters.
        assertRejected(Rejection.BAD_SIGNATURE, 404, ATMOS.verify("/" + DIGEST.substring(1) + "\n/" + HEX_URL));
    }

    @Test
    void atmosInvalidPercentEscapesInTheQueryAreKeptAsText() {
        // querystring.parse falls back to the raw text: the MAC is then over "%zz", which nobody signed.
        assertRejected(Rejection.BAD_SIGNATURE, 404, ATMOS.verify("/" + DIGEST + "?url=%zz"));
    }

    @Test
    void atmosInvalidUtf8IsReadWithReplacementCharacters() {
        byte[] raw = {'h', 't', 't', 'p', ':', '/', '/', 'a', '/', (byte) 0xff};
        // Signed over the raw bytes: camo MACs the decoded string "http://a/\uFFFD", so it does not match.
        assertRejected(Rejection.BAD_SIGNATURE, 404, ATMOS.verify(hexTarget(raw)));
        // Signed over what camo MACs: accepted, with U+FFFD in place of the bad byte.
        String replaced = "http://a/\uFFFD";
        String target = hexTarget(replaced).substring(0, 41) + "/" + HexFormat.of().formatHex(raw);
        assertEquals(replaced, ATMOS.verify(target).orElseThrow());
    }

    @Test
    void atmosSignedNonHttpSchemes() {
        for (String url : new String[] {"javascript:alert(1)", "ftp://example.com/a.png", "file:///etc/passwd"}) {
            assertRejected(Rejection.MALFORMED, 404, ATMOS.verify(hexTarget(url)));
        }
    }

    @Test
    void atmosAllowsUserinfo() {
        String url = "http://user:pass@example.com/a.png";
        assertEquals(url, ATMOS.verify(hexTarget(url)).orElseThrow());
    }

    @Test
    void atmosDuplicatedUrlParameters() {
        String signed = hexTarget("http://golang.org/doc/gopher/frontpage.png");
        String digest = signed.substring(1, 41);
        String escaped = "http%3A%2F%2Fgolang.org%2Fdoc%2Fgopher%2Ffrontpage.png";
        assertEquals("http://golang.org/doc/gopher/frontpage.png", ATMOS.verify("/" + digest + "?url=" + escaped).orElseThrow());
        assertRejected(Rejection.MALFORMED, 404, ATMOS.verify("/" + digest + "?url=" + escaped + "&url=" + escaped));
    }
}
