package dev.imgsign.imageproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.ProxyRequest;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.Verification;
import dev.imgsign.core.spi.HmacAlgorithm;
import dev.imgsign.core.spi.HmacKeyRing;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which kind each refusal is, in the server's order (NewRequest 400, then allowed(): vu, referrers, denied
 * hosts, allowed hosts, signature; then the fetch): a remote URL the server parses and whose signature is
 * valid but that names no host to fetch from is TARGET_REFUSED (403), never MALFORMED or BAD_SIGNATURE.
 */
class ImageproxyTargetRefusedTest {
    private static final KeySet KEY = KeySet.ofUtf8("secretkey");
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
    private static final ImageproxyVerifier VERIFIER = ImageproxyVerifier.builder(KEY).clock(CLOCK).build();

    /** What imageproxy-sign does: HMAC-SHA256 of {@code remote#options}, padded URL-safe base64. */
    private static String signed(String options, String remote, String message) {
        byte[] mac = HmacKeyRing.of(HmacAlgorithm.SHA256, KEY).sign(message.getBytes(StandardCharsets.UTF_8));
        return "/" + options + ",s" + Base64.getUrlEncoder().encodeToString(mac) + "/" + remote;
    }

    private static Verification.Rejected<ImageproxyRequest> rejected(Verification<ImageproxyRequest> v) {
        return (Verification.Rejected<ImageproxyRequest>) v;
    }

    @Test
    void aSignedRemoteUrlWithoutHostIsTargetRefused() {
        // messages as Go rebuilds them (the NewRequest vectors 222 and 273 give the first two)
        List<String[]> hostless = List.of(
                new String[] {"Http:/example.com/a.jpg", "http:/example.com/a.jpg#100x100"},
                new String[] {"http:example.com/a.jpg", "http:example.com/a.jpg#100x100"},
                new String[] {"http://:80/a.jpg", "http://:80/a.jpg#100x100"});
        for (String[] h : hostless) {
            String target = signed("100x100", h[0], h[1]);
            Verification.Rejected<ImageproxyRequest> r = rejected(VERIFIER.verify(target));
            assertEquals(Rejection.TARGET_REFUSED, r.reason(), target);
            assertEquals(403, r.httpStatus(), target);
            // the MAC is decided first: a forged signature stays BAD_SIGNATURE
            String forged = target.replace(",s", ",sAAAA");
            assertEquals(Rejection.BAD_SIGNATURE, rejected(VERIFIER.verify(forged)).reason(), forged);
            // the same through the reference path (no fast path) and with a Referer
            assertEquals(Rejection.TARGET_REFUSED, rejected(VERIFIER.verifyReference(target, null)).reason());
            assertEquals(Rejection.TARGET_REFUSED,
                    rejected(VERIFIER.verify(ProxyRequest.of(target, "https://site.example/"))).reason());
        }
        // a server that checks nothing still cannot fetch them
        ImageproxyVerifier open = ImageproxyVerifier.builderWithoutKeys().acceptUnsignedRequests().build();
        assertEquals(Rejection.TARGET_REFUSED, rejected(open.verify("/100x100/http://:80/a.jpg")).reason());
        // and our signer never makes one
        ImageproxySigner signer = ImageproxySigner.builder(KEY).baseUrl("").clock(CLOCK).build();
        assertThrows(IllegalArgumentException.class, () -> signer.sign("http://:80/a.jpg", ImageproxyOptions.NONE));
        assertTrue(VERIFIER.verify(signer.sign("http://h:80/a.jpg", ImageproxyOptions.NONE)).isAccepted());
    }

    @Test
    void refusalsBeforeTheMacKeepTheirKinds() {
        // NewRequest refuses a non-http(s) remote URL with 400 before any signature check
        Verification.Rejected<ImageproxyRequest> ftp = rejected(VERIFIER.verify(
                signed("100x100", "ftp://example.com/a.jpg", "ftp://example.com/a.jpg#100x100")));
        assertEquals(Rejection.MALFORMED, ftp.reason());
        assertEquals(400, ftp.httpStatus());
        // allowed(): vu, then referrers and denied hosts, then the signature; all 403
        String expired = signed("100x100,vu1699999999", "https://example.com/a.jpg",
                "https://example.com/a.jpg#100x100,vu1699999999");
        assertEquals(Rejection.EXPIRED, rejected(VERIFIER.verify(expired)).reason());
        assertEquals(403, rejected(VERIFIER.verify(expired)).httpStatus());
        String good = signed("100x100", "https://example.com/a.jpg", "https://example.com/a.jpg#100x100");
        assertTrue(VERIFIER.verify(good).isAccepted());
        ImageproxyVerifier denying = ImageproxyVerifier.builder(KEY).clock(CLOCK).denyHosts(List.of("example.com"))
                .referrers(List.of("site.example")).build();
        assertEquals(Rejection.HOST_NOT_ALLOWED, rejected(denying.verify(good)).reason(), "no Referer");
        Verification.Rejected<ImageproxyRequest> denied = rejected(
                denying.verify(ProxyRequest.of(good, "https://site.example/page")));
        assertEquals(Rejection.HOST_NOT_ALLOWED, denied.reason());
        assertEquals(403, denied.httpStatus());
    }
}
