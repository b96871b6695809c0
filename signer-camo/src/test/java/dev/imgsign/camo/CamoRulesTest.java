package dev.imgsign.camo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.SigningKey;
import dev.imgsign.core.Verification;
import dev.imgsign.vectors.TestVectors;
import dev.imgsign.vectors.TestVectors.Vector;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * One test per rule of specs/camo.md, named after the rule. Expected outcomes are the spec's;
 * inputs that need a peer's value come from camo.json.
 */
class CamoRulesTest {
    private static final TestVectors VECTORS = TestVectors.load("camo");
    private static final String URL = "http://golang.org/doc/gopher/frontpage.png";
    private static final KeySet KEYS = KeySet.ofUtf8("test");
    /** Published by go-camo's README (camo.json tcId 1 and 2). */
    private static final String HEX_DIGEST = "0f6def1cb147b0e84f39cbddc5ea10c80253a6f3";
    private static final String HEX_URL =
            "687474703a2f2f676f6c616e672e6f72672f646f632f676f706865722f66726f6e74706167652e706e67";
    private static final String B64_DIGEST = "D23vHLFHsOhPOcvdxeoQyAJTpvM";
    private static final String B64_URL = "aHR0cDovL2dvbGFuZy5vcmcvZG9jL2dvcGhlci9mcm9udHBhZ2UucG5n";

    private static final CamoVerifier GO = CamoVerifier.builder(KEYS).build();
    private static final CamoVerifier ATMOS = CamoVerifier.builder(KEYS).dialect(CamoDialect.ATMOS_CAMO).build();

    private static Vector vector(String dialect, String comment) {
        return VECTORS.tests("CamoVerify").stream()
                .filter(v -> v.get("dialect").equals(dialect) && v.comment().equals(comment))
                .findFirst().orElseThrow(() -> new AssertionError("no vector " + comment));
    }

    private static Verification.Rejected<String> rejected(Verification<String> v) {
        assertFalse(v.isAccepted(), v.toString());
        return (Verification.Rejected<String>) v;
    }

    private static void assertAccepts(CamoVerifier verifier, String target, String url) {
        assertEquals(url, verifier.verify(target).acceptedRequest().orElse(null), target);
    }

    private static String signWith(CamoEncoding encoding, String url) {
        return CamoSigner.builder(KEYS).encoding(encoding).build().sign(url);
    }

    // ------------------------------------------------------------ signing (both agree)

    @Test
    void signingKeyIsTheUtf8BytesOfTheKeyAndAnEmptyKeyIsAnError() throws Exception {
        String key = "cl\u00e9";
        String signed = CamoSigner.builder(KeySet.ofUtf8(key)).build().sign(URL);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String expected = HexFormat.of().formatHex(mac.doFinal(URL.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, signed.substring(1, 41));
        assertThrows(IllegalArgumentException.class, () -> KeySet.ofUtf8(""));
    }

    @Test
    void signingMessageIsTheUrlBytesExactlyWithoutNormalisation() {
        String odd = "HTTP://Example.COM:80/a/../b/%7e?x=1&x=2#Frag";
        String signed = signWith(CamoEncoding.HEX, odd);
        String hexUrl = signed.substring(42);
        assertEquals(odd, new String(HexFormat.of().parseHex(hexUrl), StandardCharsets.UTF_8));
        assertAccepts(GO, signed, odd);
    }

    @Test
    void hexPathFormatIsLowercaseFortyCharDigestAndLowercaseHexUrl() {
        String signed = signWith(CamoEncoding.HEX, "http://example.com/\u00c9T\u00c9.PNG");
        String[] parts = signed.split("/", -1);
        assertEquals(3, parts.length);
        assertEquals(40, parts[1].length());
        assertEquals(parts[1].toLowerCase(Locale.ROOT), parts[1]);
        assertEquals(parts[2].toLowerCase(Locale.ROOT), parts[2]);
    }

    @Test
    void base64PathFormatIsUrlSafeUnpaddedForDigestAndUrl() {
        String signed = signWith(CamoEncoding.BASE64, "http://example.com/??>>~~.png");
        String[] parts = signed.split("/", -1);
        assertEquals(27, parts[1].length());
        for (String part : new String[] {parts[1], parts[2]}) {
            assertFalse(part.contains("=") || part.contains("+") || part.contains("/"), part);
        }
        assertEquals(HEX_DIGEST.length(), 40);
    }

    @Test
    void queryFormatIsHexDigestThenUrlParameter() {
        String signed = signWith(CamoEncoding.QUERY, URL);
        assertTrue(signed.startsWith("/" + HEX_DIGEST + "?url="), signed);
    }

    @Test
    void urlToolDropsTheTrailingSlashOfThePrefix() {
        Vector published = VECTORS.tests("CamoSign").get(0);
        String signed = CamoSigner.builder(KEYS).prefix(published.get("prefix") + "//").build().sign(URL);
        assertEquals(published.get("signedUrl"), signed);
    }

    @Test
    void signingRefusesNullEmptyAndNonHttpUrlsNamingTheProblem() {
        CamoSigner signer = CamoSigner.builder(KEYS).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> signer.sign(null)).getMessage().contains("null"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> signer.sign("")).getMessage().contains("empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> signer.sign("ftp://example.com/a"))
                .getMessage().contains("http://"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> signer.sign("http:///a"))
                .getMessage().contains("no host"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> signer.sign("http://example.com/\ud800"))
                .getMessage().contains("surrogate"));
    }

    @Test
    void httpsUrlsCanBeLeftUnsignedAsGoCamosReadmeAdvises() {
        CamoSigner signer = CamoSigner.builder(KEYS).skipHttps(true).build();
        assertEquals("https://example.com/a.png", signer.sign("https://example.com/a.png"));
        assertEquals("/" + HEX_DIGEST + "/" + HEX_URL, signer.sign(URL));
        assertTrue(CamoSigner.builder(KEYS).build().sign("https://example.com/a.png").startsWith("/"));
    }

    // ------------------------------------------------------------ go-camo dialect

    @Test
    void goCamoPathMustSplitIntoExactlyEmptyDigestAndUrl() {
        String good = "/" + HEX_DIGEST + "/" + HEX_URL;
        assertAccepts(GO, good, URL);
        assertEquals(404, rejected(GO.verify(good + "/")).httpStatus());
        assertEquals(404, rejected(GO.verify(good + "/extra")).httpStatus());
        assertEquals(404, rejected(GO.verify("/" + HEX_DIGEST)).httpStatus());
        assertEquals(Rejection.MALFORMED, rejected(GO.verify("//" + HEX_URL)).reason());
        assertEquals(Rejection.MALFORMED, rejected(GO.verify("/" + HEX_DIGEST + "/")).reason());
    }

    @Test
    void goCamoPercentDecodesThePathBeforeSplitting() {
        assertAccepts(GO, "/" + HEX_DIGEST + "%2F" + HEX_URL, URL);
        assertAccepts(GO, "/" + HEX_DIGEST + "/%36" + HEX_URL.substring(1), URL);
        assertEquals(400, rejected(GO.verify("/" + HEX_DIGEST + "/" + HEX_URL + "%zz")).httpStatus());
    }

    @Test
    void goCamoIgnoresTheQueryString() {
        assertAccepts(GO, "/" + HEX_DIGEST + "/" + HEX_URL + "?url=http://evil.example/", URL);
    }

    @Test
    void goCamoChoosesHexForAFortyCharDigestAndBase64OtherwiseWithoutFallback() {
        Verification.Rejected<String> r = rejected(GO.verify("/" + HEX_DIGEST.substring(0, 39) + "/" + HEX_URL));
        assertTrue(r.detail().contains("base64"), r.detail());
        assertAccepts(GO, "/" + B64_DIGEST + "/" + B64_URL, URL);
        // Both parts use the codec the digest selects: a hex URL under a base64 digest fails.
        assertFalse(GO.verify("/" + B64_DIGEST + "/" + HEX_URL).isAccepted());
    }

    @Test
    void goCamoHexAcceptsUpperLowerAndMixedCase() {
        assertAccepts(GO, "/" + HEX_DIGEST.toUpperCase(Locale.ROOT) + "/" + HEX_URL.toUpperCase(Locale.ROOT), URL);
        assertAccepts(GO, "/" + HEX_DIGEST.substring(0, 20).toUpperCase(Locale.ROOT) + HEX_DIGEST.substring(20)
                + "/" + HEX_URL, URL);
    }

    @Test
    void goCamoFortyCharDigestThatIsNotHexIsRejected() {
        assertEquals(403, rejected(GO.verify("/g" + HEX_DIGEST.substring(1) + "/" + HEX_URL)).httpStatus());
    }

    @Test
    void goCamoBase64IsUrlSafeOnly() {
        String standard = B64_DIGEST.replace('v', '+');
        assertEquals(Rejection.MALFORMED, rejected(GO.verify("/" + standard + "/" + B64_URL)).reason());
    }

    @Test
    void goCamoBase64AcceptsExistingPadding() {
        assertAccepts(GO, "/" + B64_DIGEST + "=/" + B64_URL, URL);
        assertFalse(GO.verify("/" + B64_DIGEST + "==/" + B64_URL).isAccepted());
    }

    @Test
    void goCamoBase64AcceptsNonZeroUnusedTrailingBits() {
        // 'M' (12) ends the digest; its two low bits are unused, so N, O and P (13..15) decode alike.
        for (char c : new char[] {'N', 'O', 'P'}) {
            assertAccepts(GO, "/" + B64_DIGEST.substring(0, 26) + c + "/" + B64_URL, URL);
        }
        assertFalse(GO.verify("/" + B64_DIGEST.substring(0, 26) + "Q/" + B64_URL).isAccepted());
    }

    @Test
    void goCamoBase64SkipsNewlinesButCountsThemForPadding() {
        assertEquals("valid", vector("go-camo", "base64 digest with four escaped newlines").valid() ? "valid" : "");
        assertAccepts(GO, "/" + B64_DIGEST.substring(0, 4) + "%0A%0A%0A%0A" + B64_DIGEST.substring(4) + "/" + B64_URL,
                URL);
        assertFalse(GO.verify("/" + B64_DIGEST.substring(0, 4) + "%0A" + B64_DIGEST.substring(4) + "/" + B64_URL)
                .isAccepted());
    }

    @Test
    void goCamoComparesTheMacOverDecodedBytesAndALengthMismatchIsRejected() {
        Verification.Rejected<String> r = rejected(GO.verify("/" + B64_DIGEST.substring(0, 26) + "/" + B64_URL));
        assertEquals(Rejection.BAD_SIGNATURE, r.reason());
        assertEquals(403, r.httpStatus());
        Verification.Rejected<String> flipped = rejected(GO.verify("/1" + HEX_DIGEST.substring(1) + "/" + HEX_URL));
        assertEquals(Rejection.BAD_SIGNATURE, flipped.reason());
    }

    @Test
    void goCamoAfterTheMacRequiresHttpOrHttpsSchemeANonEmptyHostAndNoUserinfo() {
        assertEquals(404, rejected(GO.verify(signWith(CamoEncoding.HEX, "http://u:p@example.com/a.png"))).httpStatus());
        Verification.Rejected<String> ftp = rejected(GO.verify(signed("ftp://example.com/a.png")));
        assertTrue(ftp.detail().contains("scheme"), ftp.detail());
        assertTrue(rejected(GO.verify(signed("http:example.com/a.png"))).detail().contains("no host"));
        assertEquals(400, rejected(GO.verify(signed("http://example.com:port/a.png"))).httpStatus());
        assertAccepts(GO, signed("HTTP://Example.COM/a.png"), "HTTP://Example.COM/a.png");
    }

    @Test
    void goCamoTargetsThatAreNotUtf8AreRefusedBecauseAJavaStringCannotCarryThem() {
        // go-camo itself would fetch the raw bytes (camo.json has no vector for this: it is our choice).
        byte[] bytes = "http://example.com/\u00ff\u00fe.png".getBytes(StandardCharsets.ISO_8859_1);
        String target = "/" + HexFormat.of().formatHex(macOf(bytes)) + "/" + HexFormat.of().formatHex(bytes);
        Verification.Rejected<String> r = rejected(GO.verify(target));
        assertTrue(r.detail().contains("UTF-8"), r.detail());
    }

    @Test
    void goCamoPrivateAddressFilteringIsAnOptionalPolicyOffByDefault() {
        CamoVerifier strict = CamoVerifier.builder(KEYS).rejectPrivateAddresses(true).build();
        for (String url : new String[] {"http://127.0.0.1/a", "http://10.1.2.3/a", "http://172.16.0.1/a",
            "http://192.168.1.1/a", "http://169.254.1.1/a", "http://[::1]/a", "http://[fe80::1%25en0]/a",
            "http://[fc00::1]/a", "http://[fec0::1]/a", "http://[::ffff:127.0.0.1]/a", "http://localhost/a",
            "http://a.localhost./a", "http://127.1/a", "http://2130706433/a", "http://0.0.0.0/a"}) {
            assertAccepts(GO, signed(url), url);
            Verification.Rejected<String> r = rejected(strict.verify(signed(url)));
            assertEquals(Rejection.TARGET_REFUSED, r.reason(), url);
            assertEquals(404, r.httpStatus());
        }
        for (String url : new String[] {"http://8.8.8.8/a", "http://[2606:4700::1111]/a", "http://example.com/a",
            "http://172.32.0.1/a", "http://1e100.net/a"}) {
            assertAccepts(strict, signed(url), url);
        }
    }

    // ------------------------------------------------------------ atmos/camo dialect

    @Test
    void atmosSplitsOnlyTheFirstTwoSegmentsSoTrailingSlashAndExtraSegmentsAreIgnored() {
        String good = "/" + HEX_DIGEST + "/" + HEX_URL;
        assertAccepts(ATMOS, good + "/", URL);
        assertAccepts(ATMOS, good + "/extra/more", URL);
    }

    @Test
    void atmosUrlPartMustBeNonEmptyEvenLengthLowercaseHex() {
        assertFalse(ATMOS.verify("/" + HEX_DIGEST + "/" + HEX_URL.toUpperCase(Locale.ROOT)).isAccepted());
        assertFalse(ATMOS.verify("/" + HEX_DIGEST + "/" + HEX_URL + "0").isAccepted());
        assertFalse(ATMOS.verify("/" + HEX_DIGEST + "/").isAccepted());
        assertFalse(ATMOS.verify("/" + HEX_DIGEST + "/%36" + HEX_URL.substring(1)).isAccepted());
    }

    @Test
    void atmosReadsInvalidUtf8WithReplacementCharactersBeforeTheMac() {
        Vector node = vector("atmos-camo", "hex url with lone 0xff, digest over the U+FFFD string");
        assertAccepts(ATMOS, node.get("requestTarget"), "http://example.com/\ufffd.png");
        Vector raw = vector("atmos-camo", "hex url with lone 0xff, digest over the raw bytes");
        assertFalse(ATMOS.verify(raw.get("requestTarget")).isAccepted());
        // go-camo MACs the raw bytes instead, so the node-signed target fails there.
        assertFalse(GO.verify(node.get("requestTarget")).isAccepted());
    }

    @Test
    void atmosFallsBackToTheQueryUrlParameterWhenThePathHasNoHexUrl() {
        assertAccepts(ATMOS, "/" + HEX_DIGEST + "?url=http%3A%2F%2Fgolang.org%2Fdoc%2Fgopher%2Ffrontpage.png", URL);
        assertAccepts(ATMOS, "/" + HEX_DIGEST + "/XYZ?url=" + URL, URL);
        // go-camo has no query format.
        assertFalse(GO.verify("/" + HEX_DIGEST + "?url=" + URL).isAccepted());
    }

    @Test
    void atmosQueryIsFormDecodedSoPlusIsASpace() {
        Vector plus = vector("atmos-camo", "query + is a space");
        assertAccepts(ATMOS, plus.get("requestTarget"), "http://example.com/a b.png");
    }

    @Test
    void atmosDuplicatedEmptyOrMissingUrlParameterIsRejected() {
        String q = "/" + HEX_DIGEST + "?url=";
        assertTrue(rejected(ATMOS.verify(q + URL + "&url=" + URL)).detail().contains("more than once"));
        assertTrue(rejected(ATMOS.verify(q)).detail().contains("empty"));
        assertTrue(rejected(ATMOS.verify("/" + HEX_DIGEST + "?url")).detail().contains("empty"));
        assertTrue(rejected(ATMOS.verify("/" + HEX_DIGEST)).detail().contains("no url"));
    }

    @Test
    void atmosDigestMustEqualTheLowercaseHexHmac() {
        Verification.Rejected<String> r = rejected(ATMOS.verify("/" + HEX_DIGEST.toUpperCase(Locale.ROOT) + "/" + HEX_URL));
        assertEquals(Rejection.BAD_SIGNATURE, r.reason());
    }

    @Test
    void atmosAfterTheMacRequiresAHostAndHttpOrHttpsInAnyCase() {
        assertAccepts(ATMOS, signed("HtTpS://example.com"), "HtTpS://example.com");
        assertFalse(ATMOS.verify(signed("ftp://example.com/a.png")).isAccepted());
        assertFalse(ATMOS.verify(signed("http:example.com/a.png")).isAccepted());
        // atmos/camo lets userinfo through; go-camo does not.
        assertAccepts(ATMOS, signed("http://u:p@example.com/a.png"), "http://u:p@example.com/a.png");
    }

    @Test
    void atmosEmptyHostIsRejectedWhereNodeWouldFetchLocalhost() {
        // node's url.parse gives host '' here and camo would go on to fetch it; we refuse (README).
        for (String url : new String[] {"http:///a.png", "http://%41/a.png", "http://x@/a.png"}) {
            assertTrue(rejected(ATMOS.verify(signed(url))).detail().contains("no host"), url);
        }
    }

    @Test
    void atmosAnswers404ToEveryFailure() {
        String[] targets = {"", "/", "/favicon.ico", "nope", "/" + HEX_DIGEST.toUpperCase(Locale.ROOT) + "/" + HEX_URL,
            "/" + HEX_DIGEST + "?url=" + URL + "&url=x", signed("ftp://x/y"), "/" + "a".repeat(9000)};
        for (String target : targets) {
            assertEquals(404, rejected(ATMOS.verify(target)).httpStatus(), String.valueOf(target));
        }
    }

    // ------------------------------------------------------------ what we add

    @Test
    void keyRotationLetsOlderKeysVerifyWhileThePrimarySigns() {
        KeySet rotated = KeySet.of(SigningKey.ofUtf8("new").withId("2026"), SigningKey.ofUtf8("test").withId("2025"));
        CamoVerifier verifier = CamoVerifier.builder(rotated).build();
        Verification<String> old = verifier.verify("/" + HEX_DIGEST + "/" + HEX_URL);
        assertEquals(new Verification.Accepted<>(URL, 1, "2025"), old);
        String fresh = CamoSigner.builder(rotated).build().sign(URL);
        assertEquals(new Verification.Accepted<>(URL, 0, "2026"), verifier.verify(fresh));
        assertFalse(GO.verify(fresh).isAccepted());
    }

    @Test
    void maximumRequestLengthIsCheckedBeforeAnythingElse() {
        CamoVerifier small = CamoVerifier.builder(KEYS).maxLength(100).build();
        String good = "/" + HEX_DIGEST + "/" + HEX_URL;
        Verification.Rejected<String> r = rejected(small.verify(good));
        assertEquals(Rejection.TOO_LONG, r.reason());
        assertEquals(414, r.httpStatus());
        assertEquals(Rejection.TOO_LONG, rejected(GO.verify("%".repeat(CamoVerifier.DEFAULT_MAX_LENGTH + 1))).reason());
        assertAccepts(CamoVerifier.builder(KEYS).maxLength(good.length()).build(), good, URL);
        assertThrows(IllegalArgumentException.class, () -> CamoVerifier.builder(KEYS).maxLength(0));
    }

    @Test
    void rejectionsNeverRevealTheExpectedDigest() {
        String wrong = "/" + "0".repeat(40) + "/" + HEX_URL;
        for (CamoVerifier verifier : new CamoVerifier[] {GO, ATMOS}) {
            Verification.Rejected<String> r = rejected(verifier.verify(wrong));
            assertEquals(Rejection.BAD_SIGNATURE, r.reason());
            assertFalse(r.detail().contains(HEX_DIGEST) || r.detail().contains(B64_DIGEST), r.detail());
        }
        assertFalse(GO.toString().contains("test"));
    }

    @Test
    void nullAndNonPathTargetsAreMalformedNotExceptions() {
        assertEquals(Rejection.MALFORMED, rejected(GO.verify((String) null)).reason());
        assertEquals(Rejection.MALFORMED, rejected(GO.verify("")).reason());
        assertEquals(400, rejected(GO.verify("http://camo/" + HEX_DIGEST + "/" + HEX_URL)).httpStatus());
    }

    private static String signed(String url) {
        byte[] bytes = url.getBytes(StandardCharsets.UTF_8);
        return "/" + HexFormat.of().formatHex(macOf(bytes)) + "/" + HexFormat.of().formatHex(bytes);
    }

    /** HMAC-SHA1 under key "test" by the JDK's own Mac, independent of the signer under test. */
    private static byte[] macOf(byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec("test".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return mac.doFinal(message);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
