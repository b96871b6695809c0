package dev.imgsign.imageproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.ProxyRequest;
import dev.imgsign.core.KeySet;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.spi.SchemeConfig;
import dev.imgsign.core.SigningKey;
import dev.imgsign.core.Verification;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Accessors, builder limits, provider options and key order of the imageproxy API. */
class ImageproxyApiTest {
    private static final String SECRET = "secretkey";
    private static final KeySet KEYS = KeySet.ofUtf8(SECRET);
    private static final String URL = "https://octodex.github.com/images/codercat.jpg";
    /** Published (imageproxy.json tcId 2): URL#400x400,q40 signed with "secretkey". */
    private static final String SIGNED = "/400x400,q40,s0sR2kjyfiF1RQRj4Jm2fFa3_6SDFqdAaDEmy1oD2U-4=/" + URL;

    @Test
    void flagsAreFalseUnlessSet() {
        ImageproxyOptions none = ImageproxyOptions.NONE;
        assertFalse(none.fit() || none.flipHorizontal() || none.flipVertical() || none.scaleUp() || none.smartCrop()
                || none.trim());
        ImageproxyOptions all = ImageproxyOptions.parse("fit,fh,fv,scaleUp,sc,trim");
        assertTrue(all.fit() && all.flipHorizontal() && all.flipVertical() && all.scaleUp() && all.smartCrop() && all.trim());
    }

    @Test
    void equalOptionsHashAlikeAndDifferentOnesDiffer() {
        assertEquals(ImageproxyOptions.parse("q1,100"), ImageproxyOptions.parse("100x100,q1"));
        assertEquals(ImageproxyOptions.parse("q1,100").hashCode(), ImageproxyOptions.parse("100x100,q1").hashCode());
        assertNotEquals(ImageproxyOptions.parse("q1").hashCode(), ImageproxyOptions.parse("q2").hashCode());
    }

    @Test
    void signerAndVerifierDescribeThemselvesWithoutTheKey() {
        ImageproxySigner signer = ImageproxySigner.builder(KEYS).baseUrl("http://p").signOptions(false).build();
        assertFalse(signer.signsOptions());
        assertTrue(ImageproxySigner.builder(KEYS).baseUrl("").build().signsOptions());
        ImageproxyVerifier verifier = ImageproxyVerifier.builder(KEYS).allowHosts(List.of("a.example")).build();
        for (Object o : new Object[] {signer, verifier}) {
            assertFalse(o.toString().contains(SECRET), o.toString());
            assertTrue(o.toString().startsWith(o.getClass().getSimpleName() + "["), o.toString());
        }
    }

    @Test
    void baseUrlMustNotCarryAQueryOrFragmentEvenFirst() {
        assertThrows(IllegalArgumentException.class, () -> ImageproxySigner.builder(KEYS).baseUrl("?x"));
        assertThrows(IllegalArgumentException.class, () -> ImageproxySigner.builder(KEYS).baseUrl("#x"));
        assertThrows(IllegalArgumentException.class, () -> ImageproxySigner.builder(KEYS).baseUrl("http://p/?x"));
    }

    @Test
    void refusalsNameTheUrlShortenedAfter200Characters() {
        ImageproxySigner signer = ImageproxySigner.builder(KEYS).baseUrl("").build();
        String shortUrl = "ftp://example.com/" + "a".repeat(182);
        assertEquals(200, shortUrl.length());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> signer.sign(shortUrl, ImageproxyOptions.NONE))
                .getMessage().endsWith(shortUrl));
        String longUrl = shortUrl + "b";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> signer.sign(longUrl, ImageproxyOptions.NONE))
                .getMessage().endsWith(shortUrl + "…"));
    }

    @Test
    void maxLengthIsInclusiveForTargetAndReferer() {
        ImageproxyVerifier exact = ImageproxyVerifier.builder(KEYS).maxLength(SIGNED.length()).build();
        assertTrue(exact.verify(SIGNED).isAccepted());
        assertTrue(exact.verify(ProxyRequest.of(SIGNED, "x".repeat(SIGNED.length()))).isAccepted());
        assertEquals(Rejection.TOO_LONG, exact.verify(SIGNED + "?").rejection().orElseThrow());
        assertEquals(Rejection.TOO_LONG, exact.verify(ProxyRequest.of(SIGNED, "x".repeat(SIGNED.length() + 1))).rejection().orElseThrow());
        ImageproxyVerifier.builderWithoutKeys().maxLength(1);
        assertThrows(IllegalArgumentException.class, () -> ImageproxyVerifier.builderWithoutKeys().maxLength(0));
    }

    @Test
    void theAcceptanceNamesTheKeyThatMatched() {
        ImageproxyVerifier rotated = ImageproxyVerifier.builder(KeySet.of(SigningKey.ofUtf8("new"), SigningKey.ofUtf8(SECRET).withId("old"))).build();
        Verification.Accepted<ImageproxyRequest> a = (Verification.Accepted<ImageproxyRequest>) rotated.verify(SIGNED);
        assertEquals(1, a.keyIndex());
        assertEquals("old", a.keyId());
    }

    @Test
    void providerOptions() {
        ImageproxySchemeProvider provider = new ImageproxySchemeProvider();
        assertThrows(IllegalArgumentException.class, () -> provider.verifier(SchemeConfig.builder().keys(KEYS)
                .option("allowHost", "a").build()));
        ImageproxyVerifier strict = provider.verifier(SchemeConfig.builder().keys(KEYS)
                .option("requireSignedOptions", " TRUE ").option("maxLength", "100").build());
        // The published URL-only signature (tcId 1) is refused when options must be signed.
        String urlOnly = "/s" + "cw34eyalj8YvpLpETxSIxv2k8QkLel2UAR5Cku2FzGM=" + "/" + URL;
        assertEquals(Rejection.BAD_SIGNATURE, strict.verify(urlOnly).rejection().orElseThrow());
        assertEquals(Rejection.TOO_LONG, strict.verify("/x/" + "a".repeat(100)).rejection().orElseThrow());
        ImageproxyVerifier lenient = provider.verifier(SchemeConfig.builder().keys(KEYS)
                .option("requireSignedOptions", "false").build());
        assertTrue(lenient.verify(urlOnly).isAccepted());
        assertThrows(IllegalArgumentException.class, () -> provider.verifier(SchemeConfig.builder().keys(KEYS)
                .option("requireSignedOptions", "yes").build()));
        ImageproxyVerifier hosts = provider.verifier(SchemeConfig.builder().option("allowHosts", ",a.example, ,b.example,")
                .option("denyHosts", "evil.example").build());
        assertTrue(hosts.verify("/x/http://a.example/i.jpg").isAccepted());
        assertTrue(hosts.verify("/x/http://b.example/i.jpg").isAccepted());
        assertEquals(Rejection.BAD_SIGNATURE, hosts.verify("/x/http://c.example/i.jpg").rejection().orElseThrow());
        ImageproxyVerifier denying = provider.verifier(SchemeConfig.builder().keys(KEYS).option("denyHosts", "octodex.github.com")
                .option("referrers", "a.example").build());
        assertEquals(Rejection.HOST_NOT_ALLOWED, denying.verify(ProxyRequest.of(SIGNED, "http://a.example/")).rejection().orElseThrow());
        assertEquals(Rejection.HOST_NOT_ALLOWED, provider.verifier(SchemeConfig.builder().keys(KEYS)
                .option("referrers", "a.example").build()).verify(ProxyRequest.of(SIGNED, "http://b.example/")).rejection().orElseThrow());
    }
}
