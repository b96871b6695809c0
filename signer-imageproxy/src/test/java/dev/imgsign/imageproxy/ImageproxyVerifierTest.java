package dev.imgsign.imageproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.ProxyRequest;
import dev.imgsign.core.KeySet;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.SigningKey;
import dev.imgsign.core.Verification;
import dev.imgsign.vectors.TestVectors;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ImageproxyVerifierTest {
    private static final String PUBLISHED = "/400x400,q40,s0sR2kjyfiF1RQRj4Jm2fFa3_6SDFqdAaDEmy1oD2U-4=/"
            + "https://octodex.github.com/images/codercat.jpg";
    private static final String URL_ONLY = "/400x400,q40,scw34eyalj8YvpLpETxSIxv2k8QkLel2UAR5Cku2FzGM=/"
            + "https://octodex.github.com/images/codercat.jpg";
    private static final KeySet KEY = KeySet.ofUtf8("secretkey");
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

    private static ImageproxyVerifier.Builder keyed() {
        return ImageproxyVerifier.builder(KEY).clock(CLOCK);
    }

    private static Rejection rejection(Verification<ImageproxyRequest> v) {
        return v.rejection().orElseThrow(() -> new AssertionError("accepted: " + v));
    }

    @Test
    void acceptsThePublishedUrl() {
        Verification<ImageproxyRequest> v = keyed().build().verify(PUBLISHED);
        Verification.Accepted<ImageproxyRequest> a = (Verification.Accepted<ImageproxyRequest>) v;
        assertEquals("https://octodex.github.com/images/codercat.jpg", a.request().remoteUrl());
        assertEquals("400x400,q40", a.request().options().canonicalWithoutSignature());
        assertEquals(0, a.keyIndex());
    }

    /**
     * The server's parse of each target. Deviations: Go's request parsing lets a raw space through (those
     * vectors say what Go does), but no HTTP server delivers one in a request line, so we answer MALFORMED;
     * a remote URL without a host name ({@code http:/example.com/a.jpg}, {@code http:example.com/a.jpg})
     * parses, but the server can only fail to fetch it, so we refuse it as TARGET_REFUSED.
     */
    /** The remote URLs among the NewRequest vectors that name no host to fetch from. */
    private static final java.util.Set<String> HOSTLESS = java.util.Set.of("http:/example.com/a.jpg",
            "http:example.com/a.jpg");

    @TestFactory
    Stream<DynamicTest> requestTargetsAsTheServer() {
        ImageproxyVerifier open = ImageproxyVerifier.builderWithoutKeys().acceptUnsignedRequests().build();
        return TestVectors.load("imageproxy").tests("ImageproxyNewRequest").stream().map(t ->
                DynamicTest.dynamicTest(t + " " + t.get("target"), () -> {
                    Verification<ImageproxyRequest> v = open.verify(t.get("target"));
                    if (t.valid() && t.get("target").indexOf(' ') >= 0) {
                        assertEquals(Rejection.MALFORMED, rejection(v), "our deviation: raw space");
                        String escaped = t.get("target").replace(" ", "%20");
                        assertTrue(open.verify(escaped).isAccepted(), escaped);
                    } else if (t.valid() && HOSTLESS.contains(t.get("remoteUrl"))) {
                        Verification.Rejected<ImageproxyRequest> r = (Verification.Rejected<ImageproxyRequest>) v;
                        assertEquals(Rejection.TARGET_REFUSED, r.reason());
                        assertEquals(403, r.httpStatus());
                    } else if (t.valid()) {
                        assertEquals(t.get("remoteUrl"), v.acceptedRequest().orElseThrow().remoteUrl());
                        assertEquals(-1, ((Verification.Accepted<ImageproxyRequest>) v).keyIndex());
                    } else {
                        Verification.Rejected<ImageproxyRequest> r = (Verification.Rejected<ImageproxyRequest>) v;
                        assertEquals(Rejection.MALFORMED, r.reason());
                        assertEquals(400, r.httpStatus());
                    }
                }));
    }

    @Test
    void urlOnlySignaturesWithOptionsAreAcceptedOnlyOnRequest() {
        // the server accepts the published URL-only signature with any options; by default we do not
        assertEquals(Rejection.BAD_SIGNATURE, rejection(keyed().build().verify(URL_ONLY)));
        assertTrue(keyed().build().verify(URL_ONLY.replace("400x400,q40,", "")).isAccepted(), "without options");
        ImageproxyVerifier peerLike = keyed().acceptUrlOnlySignaturesWithOptions(true).build();
        assertTrue(peerLike.verify(URL_ONLY).isAccepted());
        // with a URL-only signature every option can then be changed
        assertTrue(peerLike.verify(URL_ONLY.replace("400x400,q40", "4000x4000,q100")).isAccepted());
        assertEquals(Rejection.BAD_SIGNATURE, rejection(keyed().requireSignedOptions(true).build()
                .verify(URL_ONLY.replace("400x400,q40,", ""))));
        assertTrue(keyed().requireSignedOptions(true).build().verify(PUBLISHED).isAccepted());
    }

    @Test
    void changedOptionsOrUrlAreRejected() {
        ImageproxyVerifier verifier = keyed().build();
        for (String changed : new String[] {PUBLISHED.replace("q40", "q41"), PUBLISHED.replace("400x400", "401x400"),
                PUBLISHED.replace("q40,", "q40,fit,"), PUBLISHED.replace("codercat", "codercaT"),
                PUBLISHED + "?x=1", PUBLISHED.replace("https://", "http://")}) {
            Verification<ImageproxyRequest> v = verifier.verify(changed);
            assertEquals(Rejection.BAD_SIGNATURE, rejection(v), changed);
            assertEquals(403, ((Verification.Rejected<ImageproxyRequest>) v).httpStatus());
        }
        // equivalent spellings of the same options keep the signature valid, as on the server
        assertTrue(verifier.verify(PUBLISHED.replace("400x400,q40", "q40,400")).isAccepted());
        assertTrue(verifier.verify(PUBLISHED.replace("400x400,q40", "q40,400x400,webp,,")).isAccepted());
    }

    @Test
    void signaturesAreDecodedLeniently() {
        ImageproxyVerifier verifier = keyed().build();
        assertTrue(verifier.verify(PUBLISHED.replace("U-4=", "U-4")).isAccepted(), "padding is optional");
        assertTrue(verifier.verify(PUBLISHED.replace("U-4=", "U-5")).isAccepted(), "unused bits are ignored");
        assertEquals(Rejection.BAD_SIGNATURE, rejection(verifier.verify(PUBLISHED.replace("U-4=", "U-4=="))));
        assertEquals(Rejection.BAD_SIGNATURE, rejection(verifier.verify(PUBLISHED.replace("a3_6", "a3+6"))));
    }

    @Test
    void expiryIsCheckedBeforeTheSignature() {
        // signed while the link was still alive (the signer refuses links already expired by its clock)
        ImageproxySigner signer = ImageproxySigner.builder(KEY).baseUrl("")
                .clock(Clock.offset(CLOCK, java.time.Duration.ofSeconds(-10))).build();
        ImageproxyOptions future = ImageproxyOptions.builder().width(100).validUntil(1_700_000_001L).build();
        ImageproxyOptions now = ImageproxyOptions.builder().width(100).validUntil(1_700_000_000L).build();
        String url = "https://example.com/a.jpg";
        ImageproxyVerifier verifier = keyed().build();
        assertTrue(verifier.verify(signer.sign(url, future)).isAccepted());
        Verification<ImageproxyRequest> expired = verifier.verify(signer.sign(url, now));
        assertEquals(Rejection.EXPIRED, rejection(expired));
        assertEquals(403, ((Verification.Rejected<ImageproxyRequest>) expired).httpStatus());
        // an expired vu wins over a bad signature
        assertEquals(Rejection.EXPIRED, rejection(verifier.verify("/vu1000,sbogus/" + url)));
        // Go wraps times near the int64 limit: vu at the limit counts as past (go1.19 time.Unix/After)
        assertEquals(Rejection.EXPIRED, rejection(verifier.verify("/vu9223372036854775807/" + url)));
        assertEquals(Rejection.BAD_SIGNATURE, rejection(verifier.verify("/vu9223371974719179007/" + url)));
    }

    @Test
    void referrersAndDeniedHostsComeBeforeSignatures() {
        ImageproxyVerifier verifier = keyed().referrers(List.of("site.example", "*.site.example"))
                .denyHosts(List.of("octodex.github.com")).build();
        assertEquals(Rejection.HOST_NOT_ALLOWED, rejection(verifier.verify(PUBLISHED)), "no Referer");
        assertEquals(Rejection.HOST_NOT_ALLOWED, rejection(verifier.verify(ProxyRequest.of(PUBLISHED, "https://other.example/"))));
        assertEquals(Rejection.HOST_NOT_ALLOWED, rejection(verifier.verify(ProxyRequest.of(PUBLISHED, "https://site.example/page"))),
                "denied host even with a valid signature");
        ImageproxyVerifier referrersOnly = keyed().referrers(List.of("site.example")).build();
        assertTrue(referrersOnly.verify(ProxyRequest.of(PUBLISHED, "https://site.example/page")).isAccepted());
        assertTrue(referrersOnly.verify(ProxyRequest.of(PUBLISHED, "https://site.example:8443/page")).isAccepted());
        assertEquals(Rejection.HOST_NOT_ALLOWED, rejection(referrersOnly.verify(ProxyRequest.of(PUBLISHED, "::not a url"))));
    }

    @Test
    void allowedHostsNeedNoSignature() {
        ImageproxyVerifier verifier = ImageproxyVerifier.builderWithoutKeys()
                .allowHosts(List.of("*.example.com", "10.0.0.0/8")).build();
        assertTrue(verifier.verify("/100/https://img.example.com/a.jpg").isAccepted());
        // the server's suffix quirk (badexample.com matches *.example.com) is not copied for allowed hosts
        assertEquals(Rejection.BAD_SIGNATURE, rejection(verifier.verify("/100/https://badexample.com/a.jpg")));
        assertTrue(verifier.verify("/100/https://example.com/a.jpg").isAccepted());
        assertTrue(verifier.verify("/100/http://10.2.3.4:8080/a.jpg").isAccepted());
        assertEquals(Rejection.BAD_SIGNATURE, rejection(verifier.verify("/100/https://example.org/a.jpg")));
        ImageproxyVerifier both = keyed().allowHosts(List.of("example.com")).build();
        Verification.Accepted<ImageproxyRequest> a =
                (Verification.Accepted<ImageproxyRequest>) both.verify("/100/https://example.com/a.jpg");
        assertEquals(-1, a.keyIndex());
        assertTrue(both.verify(PUBLISHED).isAccepted());
    }

    @Test
    void olderKeysStillVerify() {
        ImageproxyVerifier verifier = ImageproxyVerifier.builder(KeySet.of(SigningKey.ofUtf8("new key").withId("2026"), SigningKey.ofUtf8("secretkey").withId("2025")))
                .build();
        Verification.Accepted<ImageproxyRequest> a = (Verification.Accepted<ImageproxyRequest>) verifier.verify(PUBLISHED);
        assertEquals(1, a.keyIndex());
        assertEquals("2025", a.keyId());
    }

    @Test
    void badInputGetsATypedAnswer() {
        ImageproxyVerifier verifier = keyed().maxLength(200).build();
        assertEquals(Rejection.MALFORMED, rejection(verifier.verify((String) null)));
        assertEquals(Rejection.MALFORMED, rejection(verifier.verify("")));
        assertEquals(Rejection.MALFORMED, rejection(verifier.verify("/")));
        assertEquals(Rejection.MALFORMED, rejection(verifier.verify("/100/ftp://example.com/a.jpg")));
        assertEquals(Rejection.TOO_LONG, rejection(verifier.verify("/" + "a".repeat(200))));
        assertEquals(Rejection.TOO_LONG, rejection(verifier.verify(ProxyRequest.of(PUBLISHED, "x".repeat(201)))));
        assertEquals(Rejection.BAD_SIGNATURE, rejection(verifier.verify("/100/https://example.com/a.jpg")));
    }

    @Test
    void configurationIsChecked() {
        assertThrows(IllegalArgumentException.class, () -> ImageproxyVerifier.builderWithoutKeys().build());
        assertTrue(ImageproxyVerifier.builderWithoutKeys().acceptUnsignedRequests().build().verify(PUBLISHED).isAccepted());
        assertThrows(IllegalArgumentException.class, () -> ImageproxyVerifier.builderWithoutKeys().maxLength(0));
        assertFalse(keyed().build().toString().contains("secretkey"));
    }
}
