package dev.imgsign.imageproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.imgsign.core.ProxyRequest;
import dev.imgsign.core.KeySet;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.Verification;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The bad-input catalogue: each kind of hostile request target gets the rejection the module README
 * documents. Signatures for well-formed inputs are computed here with the JDK's {@code javax.crypto.Mac}
 * over the message the README defines ({@code <remote url>#<canonical options>}), not with our signer.
 */
class ImageproxyBadInputTest {
    private static final KeySet KEYS = KeySet.ofUtf8("secretkey");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final ImageproxyVerifier VERIFIER = ImageproxyVerifier.builder(KEYS).clock(CLOCK).build();
    private static final String URL = "https://octodex.github.com/images/codercat.jpg";
    /** Published in imageproxy's documentation (imageproxy.json tcId 2): the signature of URL#400x400,q40. */
    private static final String PUBLISHED = "0sR2kjyfiF1RQRj4Jm2fFa3_6SDFqdAaDEmy1oD2U-4=";

    /** Padded URL-safe base64 of HMAC-SHA256(secretkey, message), computed with the JDK's Mac. */
    private static String signature(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("secretkey".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertRejected(Rejection reason, int status, Verification<ImageproxyRequest> v) {
        assertFalse(v.isAccepted(), v.toString());
        Verification.Rejected<ImageproxyRequest> r = (Verification.Rejected<ImageproxyRequest>) v;
        assertEquals(reason, r.reason(), r.detail());
        assertEquals(status, r.httpStatus(), r.detail());
    }

    @Test
    void theSignatureComputedHereIsThePublishedOne() {
        assertEquals(PUBLISHED, signature(URL + "#400x400,q40"));
        assertEquals(URL, VERIFIER.verify("/400x400,q40,s" + PUBLISHED + "/" + URL).orElseThrow().remoteUrl());
    }

    @Test
    void emptyNullSlashAndTheServersOwnPages() {
        for (String target : new String[] {"", "/", "/favicon.ico", "/health-check", "/metrics"}) {
            assertRejected(Rejection.MALFORMED, 400, VERIFIER.verify(target));
        }
        assertRejected(Rejection.MALFORMED, 400, VERIFIER.verify((String) null));
        assertRejected(Rejection.MALFORMED, 400, VERIFIER.verify((dev.imgsign.core.ProxyRequest) null));
    }

    @Test
    void onlyTheOptionsWithASignatureAndNoRemoteUrl() {
        assertRejected(Rejection.MALFORMED, 400, VERIFIER.verify("/400x400,q40,s" + PUBLISHED));
        assertRejected(Rejection.MALFORMED, 400, VERIFIER.verify("/400x400,q40,s" + PUBLISHED + "/"));
    }

    @Test
    void overlongTargetsAndReferers() {
        assertRejected(Rejection.TOO_LONG, 414, VERIFIER.verify("/x/" + "a".repeat(1 << 20)));
        assertRejected(Rejection.TOO_LONG, 414, VERIFIER.verify(ProxyRequest.of("/400x400,q40,s" + PUBLISHED + "/" + URL,
                "http://a/" + "b".repeat(1 << 20))));
    }

    @Test
    void nulAndControlBytesAreRefusedAsGoRefusesThem() {
        for (String target : new String[] {"/x/http://example.com/\u0000", "/x/http://exa\u0001mple.com/",
                "/x\n/http://example.com/a", "/x/http://example.com/a\u007f", "/x/http://example.com/a?b=\u0000"}) {
            assertRejected(Rejection.MALFORMED, 400, VERIFIER.verify(target));
        }
    }

    @Test
    void invalidPercentEscapes() {
        for (String target : new String[] {"/x/http://example.com/%zz", "/x/http://example.com/%", "/%zz/http://e.com/a",
                "/x/http://ex%zzample.com/a"}) {
            assertRejected(Rejection.MALFORMED, 400, VERIFIER.verify(target));
        }
    }

    @Test
    void escapesOfInvalidUtf8AreKeptAsWrittenAndSignedSo() {
        // The path's own valid escapes are kept as written; Go strings are bytes, UTF-8 or not.
        String remote = "http://example.com/%FF%FE";
        String target = "/s" + signature(remote + "#0x0") + "/" + remote;
        assertEquals(remote, VERIFIER.verify(target).orElseThrow().remoteUrl());
        assertRejected(Rejection.BAD_SIGNATURE, 403, VERIFIER.verify("/s" + signature(remote + "#0x0") + "/"
                + "http://example.com/%FF%FD"));
    }

    @Test
    void nonHttpSchemesAreRefusedBeforeTheSignature() {
        for (String remote : new String[] {"ftp://example.com/a.jpg", "file:///etc/passwd", "javascript:alert(1)",
                "data:image/png;base64,AAAA", "gopher://example.com/"}) {
            assertRejected(Rejection.MALFORMED, 400, VERIFIER.verify("/s" + signature(remote + "#0x0") + "/" + remote));
        }
    }

    @Test
    void userinfoIsPartOfTheSignedUrl() {
        String remote = "http://user:pass@example.com/a.jpg";
        assertEquals(remote, VERIFIER.verify("/s" + signature(remote + "#0x0") + "/" + remote).orElseThrow().remoteUrl());
        // Signed without the userinfo: a different URL, so a different message.
        assertRejected(Rejection.BAD_SIGNATURE, 403,
                VERIFIER.verify("/s" + signature("http://example.com/a.jpg#0x0") + "/" + remote));
    }

    @Test
    void hugeNumbersInOptions() {
        // vu near 2^63 wraps in Go's year-1 arithmetic and counts as past: refused before the signature.
        assertRejected(Rejection.EXPIRED, 403, VERIFIER.verify("/vu9223372036854775807/" + URL));
        // Out of range, ParseInt saturates to 2^63-1 (its value is used, the error ignored): the same.
        assertRejected(Rejection.EXPIRED, 403, VERIFIER.verify("/vu99999999999999999999/" + URL));
        // An unparsable vu (ParseInt gives 0) is ignored, so the request is judged by its signature alone.
        assertRejected(Rejection.BAD_SIGNATURE, 403, VERIFIER.verify("/vu12x/" + URL));
        // Atoi saturates; ParseFloat overflows to +Inf; the options are then signed as the canonical form prints them.
        ImageproxyOptions huge = ImageproxyOptions.parse("r99999999999999999999,q-99999999999999999999,1e400x");
        assertEquals(Long.MAX_VALUE, huge.rotate());
        assertEquals(Long.MIN_VALUE, huge.quality());
        assertEquals(Double.POSITIVE_INFINITY, huge.width());
        String options = "r99999999999999999999,1e400x";
        String canonical = "+Infx0,r9223372036854775807";
        ImageproxyRequest accepted = VERIFIER.verify("/" + options + ",s" + signature(URL + "#" + canonical) + "/" + URL)
                .orElseThrow();
        assertEquals(canonical, accepted.options().canonicalWithoutSignature());
    }

    @Test
    void duplicatedOptionsLaterWinsAndDuplicatedQueryParametersAreKept() {
        assertEquals(20, ImageproxyOptions.parse("q10,q20").quality());
        // "q10,q20" means q20, so a signature over q20 covers it.
        assertEquals(20, VERIFIER.verify("/q10,q20,s" + signature(URL + "#0x0,q20") + "/" + URL).orElseThrow()
                .options().quality());
        String remote = "http://example.com/a.jpg?x=1&x=2";
        assertEquals(remote, VERIFIER.verify("/s" + signature(remote + "#0x0") + "/" + remote).orElseThrow().remoteUrl());
        assertRejected(Rejection.BAD_SIGNATURE, 403, VERIFIER.verify("/s" + signature(remote + "#0x0") + "/"
                + "http://example.com/a.jpg?x=1&x=2&x=3"));
    }

    /**
     * Fuzzing finding (corpus entry ImageproxyFuzzTestInputs/verify/finding-hash-in-query): the proxy's query
     * becomes the remote query verbatim, {@code #} included, because a request target has no fragment. An
     * allow-listed host is accepted so; no signer can produce such a request (it reads {@code #} as a fragment).
     */
    @Test
    void aHashInTheProxyQueryStaysInTheRemoteQuery() {
        ImageproxyVerifier allowing = ImageproxyVerifier.builder(KEYS).clock(CLOCK)
                .allowHosts(List.of("192.168.0.0/16")).build();
        Verification<ImageproxyRequest> v = allowing.verify("/x/http://192.168.0.1/a.jpg?q=1#frag");
        assertEquals("http://192.168.0.1/a.jpg?q=1#frag", v.orElseThrow().remoteUrl());
        assertEquals(-1, ((Verification.Accepted<ImageproxyRequest>) v).keyIndex());
        // With a key only, the same shape is judged by its signature, over the URL with that query.
        String remote = "http://example.com/a.jpg?q=1#frag";
        assertEquals(remote, VERIFIER.verify("/s" + signature(remote + "#0x0") + "/" + remote).orElseThrow().remoteUrl());
    }

    /**
     * Fuzzing finding (corpus entry finding-raw-non-ascii-query): the proxy's raw query, non-ASCII bytes
     * included, becomes the remote query verbatim, as in Go. A signer names the URL as clients send it, with
     * those bytes escaped (README, "Signer normalisation"), so only an unsigned (allow-listed) request carries
     * them raw; a signature over the escaped form does not cover the raw one.
     */
    @Test
    void rawNonAsciiInTheProxyQueryStaysRaw() {
        ImageproxyVerifier allowing = ImageproxyVerifier.builder(KEYS).clock(CLOCK)
                .allowHosts(List.of("192.168.0.0/16")).build();
        assertEquals("http://192.168.0.1/a.jpg?x=é", allowing.verify("/x/http://192.168.0.1/a.jpg?x=é").orElseThrow()
                .remoteUrl());
        String escaped = "http://example.com/a.jpg?x=%C3%A9";
        String sig = signature(escaped + "#0x0");
        assertEquals(escaped, VERIFIER.verify("/s" + sig + "/" + escaped).orElseThrow().remoteUrl());
        assertRejected(Rejection.BAD_SIGNATURE, 403, VERIFIER.verify("/s" + sig + "/http://example.com/a.jpg?x=é"));
        ImageproxySigner signer = ImageproxySigner.builder(KEYS).baseUrl("").build();
        assertEquals("/0x0,s" + sig + "/" + escaped, signer.sign("http://example.com/a.jpg?x=é", ImageproxyOptions.NONE));
    }

    /** Issue 13 interop review: Go lets a raw space through, but no HTTP server delivers one. */
    @Test
    void rawSpacesAndTabsAreRefused() {
        for (String target : new String[] {"/x/http://example.com/a b.jpg", "/x/http://example.com/a.jpg?q=a b",
                "/x/http://example.com/a.jpg\t", "/x /http://example.com/a.jpg", " /x/http://example.com/a.jpg",
                "/400x400,q40,s" + PUBLISHED + "/" + URL + " "}) {
            assertRejected(Rejection.MALFORMED, 400, VERIFIER.verify(target));
        }
    }

    /** Issue 13 finding 1: the signature of URL#options, replayed over a remote URL that carries the fragment. */
    @Test
    void aFragmentInTheRemoteUrlForgesNoOptions() {
        String withFragment = URL + "#400x400,q40";
        String base64 = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(withFragment.getBytes(StandardCharsets.UTF_8));
        String percent = "https%3A%2F%2Foctodex.github.com%2Fimages%2Fcodercat.jpg%23400x400%2Cq40";
        for (String remote : new String[] {base64, percent}) {
            for (String options : new String[] {"9999x9999,q100,", "", "0x0,"}) {
                assertRejected(Rejection.BAD_SIGNATURE, 403, VERIFIER.verify("/" + options + "s" + PUBLISHED + "/" + remote));
            }
        }
        // a URL-only signature covers a request without options only
        String urlOnly = signature(URL);
        assertEquals(URL, VERIFIER.verify("/s" + urlOnly + "/" + URL).orElseThrow().remoteUrl());
        assertRejected(Rejection.BAD_SIGNATURE, 403, VERIFIER.verify("/9999x9999,s" + urlOnly + "/" + URL));
        assertRejected(Rejection.BAD_SIGNATURE, 403, VERIFIER.verify("/s" + signature(URL + "#x") + "/"
                + Base64.getUrlEncoder().withoutPadding().encodeToString((URL + "#x").getBytes(StandardCharsets.UTF_8))));
    }

    /** Issue 13 finding 8: spellings of a denied host; a host that is not valid is refused too. */
    @Test
    void deniedHostsInOtherSpellings() {
        ImageproxyVerifier denying = ImageproxyVerifier.builder(KEYS).clock(CLOCK)
                .denyHosts(List.of("octodex.github.com", "10.0.0.0/8")).build();
        for (String host : new String[] {"OCTODEX.github.com", "octodex.github.com.", "octodex.GITHUB.com.:443",
                "ｏctodex.github.com", "octodex。github。com", "10.0.0.1", "0x0a.0.0.1", "010.0.0.1", "167772161", "[::ffff:10.0.0.1]"}) {
            String remote = "https://" + host + "/images/codercat.jpg";
            assertRejected(Rejection.HOST_NOT_ALLOWED, 403,
                    denying.verify("/s" + signature(remote + "#0x0") + "/" + remote));
        }
    }

    /** No Unicode case folding: 'ſ' (U+017F) and the Kelvin sign are not ASCII letters. */
    @Test
    void unicodeLookalikesOfTheSchemeAreNotTheScheme() {
        for (String remote : new String[] {"httpſ://example.com/a.jpg", "httpſ%3A%2F%2Fexample.com%2Fa.jpg",
                "HTTPſ%3a%2f%2fexample.com%2fa.jpg"}) {
            assertRejected(Rejection.MALFORMED, 400, VERIFIER.verify("/s" + signature(remote + "#0x0") + "/" + remote));
        }
    }
}
