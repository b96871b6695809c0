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
        assertRejected(Rejection.MALFORMED, 400, GO.verify((String) null));
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
    void goCamoRawNulAndControlCharactersAreMalformedPercentEncodedOnesAreNotHex() {
        assertRejected(Rejection.MALFORMED, 400, GO.verify("\u0000/" + DIGEST + "/" + HEX_URL));
        assertRejected(Rejection.MALFORMED, 400, GO.verify("/" + DIGEST + "/" + HEX_URL.substring(2) + "\u0000\u0000"));
        assertRejected(Rejection.MALFORMED, 400, GO.verify("/" + DIGEST.substring(1) + "\n/" + HEX_URL));
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
        assertRejected(Rejection.TARGET_REFUSED, 400, GO.verify(hexTarget(bytes)));
    }

    @Test
    void goCamoSignedNonHttpSchemes() {
        for (String url : new String[] {"javascript:alert(1)", "ftp://example.com/a.png", "file:///etc/passwd",
                "data:image/png;base64,AAAA", "//example.com/a.png"}) {
            assertRejected(Rejection.TARGET_REFUSED, 404, GO.verify(hexTarget(url)));
        }
    }

    @Test
    void goCamoSignedUserinfo() {
        assertRejected(Rejection.TARGET_REFUSED, 404, GO.verify(hexTarget("http://user:pass@example.com/a.png")));
        assertRejected(Rejection.TARGET_REFUSED, 404, GO.verify(hexTarget("http://@example.com/a.png")));
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
        // null is no request at all: UrlVerifier's default answers it, with MALFORMED's default status.
        assertRejected(Rejection.MALFORMED, 400, ATMOS.verify((String) null));
        assertRejected(Rejection.MALFORMED, 404, ATMOS.verify("/"));
        assertRejected(Rejection.MALFORMED, 404, ATMOS.verify("/" + DIGEST));
        assertRejected(Rejection.MALFORMED, 404, ATMOS.verify("/" + DIGEST + "?url="));
    }

    @Test
    void atmosOverlong() {
        assertRejected(Rejection.TOO_LONG, 404, ATMOS.verify(ONE_MIB));
    }

    @Test
    void atmosRawNulAndControlCharactersAreMalformedBeforeAnyParsing() {
        // Node's HTTP parser answers 400 to such a request line; camo never sees it.
        assertRejected(Rejection.MALFORMED, 400, ATMOS.verify("/" + DIGEST + "/" + HEX_URL.substring(2) + "\u0000\u0000"));
        assertRejected(Rejection.MALFORMED, 400, ATMOS.verify("/" + DIGEST.substring(1) + "\n/" + HEX_URL));
        // Percent-encoded, the same characters are camo's business: not lowercase hex, then a bad digest.
        assertRejected(Rejection.MALFORMED, 404, ATMOS.verify("/" + DIGEST + "/" + HEX_URL.substring(2) + "%00%00"));
        assertRejected(Rejection.BAD_SIGNATURE, 404, ATMOS.verify("/" + DIGEST.substring(1) + "%0a/" + HEX_URL));
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
            assertRejected(Rejection.TARGET_REFUSED, 404, ATMOS.verify(hexTarget(url)));
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

    // ------------------------------------------------- raw controls and spaces, both dialects

    /** {@code /<hex digest>?url=<url>} with the URL left unescaped, MAC by the JDK. */
    private static String rawQueryTarget(String url) {
        return hexTarget(url).substring(0, 41) + "?url=" + url;
    }

    /**
     * {@code /<base64 digest>/<base64 url>} with {@code inserted} put into the URL part. Go's decoder skips
     * CR and LF but counts them when padding: four of them leave a 14-byte URL's 19 characters decodable.
     */
    private static String base64TargetWith(String url, int at, String inserted) {
        String[] parts = hexTarget(url).split("/");
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String digest = b64.encodeToString(HexFormat.of().parseHex(parts[1]));
        String encoded = b64.encodeToString(url.getBytes(StandardCharsets.UTF_8));
        return "/" + digest + "/" + encoded.substring(0, at) + inserted + encoded.substring(at);
    }

    /**
     * Interop review of issue 13: atmos/camo's query form took {@code ?url=https://x/76E<DEL>xMZ.webp} with a
     * raw DEL or TAB, which no HTTP server delivers (Node's and Go's parsers answer 400). Every form refuses
     * raw controls and spaces as MALFORMED 400, before anything else; percent-encoded they stay the URL's.
     */
    @Test
    void rawControlCharactersAndSpacesAreMalformedInEveryFormOfBothDialects() {
        for (char c : new char[] {'\u007f', '\t', ' ', '\u0000', '\r', '\n', '\u001f'}) {
            String url = "https://x/76E" + c + "xMZ.webp";
            // atmos/camo, query form: querystring.parse would keep the raw character and the MAC would match.
            assertRejected(Rejection.MALFORMED, 400, ATMOS.verify(rawQueryTarget(url)));
            // atmos/camo, hex path form with the character after the URL segment (camo ignores extra segments).
            String hex = hexTarget("https://x/a.webp");
            assertRejected(Rejection.MALFORMED, 400, ATMOS.verify(hex + "/" + c));
            assertRejected(Rejection.MALFORMED, 400, ATMOS.verify(hex + "?x=" + c));
            // go-camo, hex path form and query (ignored by go-camo, still on the request line).
            assertRejected(Rejection.MALFORMED, 400, GO.verify(hex + c));
            assertRejected(Rejection.MALFORMED, 400, GO.verify(hex + "?x=" + c));
            // go-camo, base64 path form: Go's decoder skips raw CR and LF, so these verified before.
            assertRejected(Rejection.MALFORMED, 400, GO.verify(base64TargetWith("http://a/b.png", 4, String.valueOf(c).repeat(4))));
        }
        // Percent-encoded, the same characters reach the dialects' own rules: %0A is skipped by Go's base64.
        assertEquals("http://a/b.png", GO.verify(base64TargetWith("http://a/b.png", 4, "%0A".repeat(4))).orElseThrow());
        String escaped = hexTarget("https://x/76E\u007fxMZ.webp").substring(0, 41) + "?url=https%3A%2F%2Fx%2F76E%7FxMZ.webp";
        assertEquals("https://x/76E\u007fxMZ.webp", ATMOS.verify(escaped).orElseThrow());
    }
}
