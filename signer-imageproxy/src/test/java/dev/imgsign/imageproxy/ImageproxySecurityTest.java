package dev.imgsign.imageproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.ProxyRequest;
import dev.imgsign.core.KeySet;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.spi.SchemeConfig;
import dev.imgsign.core.Verification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 13: the attacks on imageproxy links, each performed through the public API. */
class ImageproxySecurityTest {
    private static final KeySet KEY = KeySet.ofUtf8("secretkey");
    private static final String URL = "https://octodex.github.com/images/codercat.jpg";
    private static final long NOW = 1_700_000_000L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    private static final long VU = NOW + 3600;
    private static final ImageproxyOptions SIGNED_OPTIONS = ImageproxyOptions.parse("400x400,q40,vu" + VU);
    private static final ImageproxySigner SIGNER = ImageproxySigner.builder(KEY).baseUrl("").clock(CLOCK).build();

    private static ImageproxyVerifier.Builder keyed() {
        return ImageproxyVerifier.builder(KEY).clock(CLOCK);
    }

    private static Rejection rejection(Verification<ImageproxyRequest> v) {
        return v.rejection().orElseThrow(() -> new AssertionError("accepted: " + v));
    }

    private static String base64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String percent(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The fragment-bearing remote URLs that carry a signature over URL and options as its URL-only message. */
    private static String[] forgedRemotes(String fragment) {
        String withFragment = URL + "#" + fragment;
        return new String[] {base64(withFragment), percent(withFragment)};
    }

    /** Finding 1: a signature over URL#options must not authorise other options under the default verifier. */
    @Test
    void optionsOfASignedLinkCannotBeForgedThroughAFragment() {
        String signed = SIGNER.sign(URL, SIGNED_OPTIONS);
        String sig = SIGNER.signature(URL, SIGNED_OPTIONS);
        assertEquals(URL + "#400x400,q40,vu" + VU, SIGNER.message(URL, SIGNED_OPTIONS));
        ImageproxyVerifier verifier = keyed().build();
        assertTrue(verifier.verify(signed).isAccepted(), "the genuine link");
        for (String remote : forgedRemotes(SIGNED_OPTIONS.canonicalWithoutSignature())) {
            for (String options : new String[] {"9999x9999,q100", "0x0", "", "400x400,q40"}) {
                String forged = "/" + (options.isEmpty() ? "" : options + ",") + "s" + sig + "/" + remote;
                assertEquals(Rejection.BAD_SIGNATURE, rejection(verifier.verify(forged)), forged);
                // nor under the explicit opt-in to the server's URL-only behaviour
                assertEquals(Rejection.BAD_SIGNATURE, rejection(
                        keyed().acceptUrlOnlySignaturesWithOptions(true).build().verify(forged)), forged);
            }
            // with the link's own options the fragment is simply replaced: the same request as the genuine one
            String same = "/" + SIGNED_OPTIONS.withSignature(sig) + "/" + remote;
            assertEquals(URL, verifier.verify(same).orElseThrow().remoteUrl());
        }
    }

    /** A raw '#' in the proxy query becomes part of the remote query; it must not smuggle options either. */
    @Test
    void aRawHashInTheQueryIsNoFragmentBypass() {
        String url = "https://example.com/a.jpg?x=1";
        String sig = SIGNER.signature(url, SIGNED_OPTIONS);
        String forged = "/9999x9999,s" + sig + "/" + url + "#" + SIGNED_OPTIONS.canonicalWithoutSignature();
        assertEquals(Rejection.BAD_SIGNATURE, rejection(keyed().build().verify(forged)));
        assertEquals(Rejection.BAD_SIGNATURE,
                rejection(keyed().acceptUrlOnlySignaturesWithOptions(true).build().verify(forged)));
    }

    @Test
    void urlOnlySignaturesCoverRequestsWithoutOptionsByDefault() {
        ImageproxySigner urlOnly = ImageproxySigner.builder(KEY).baseUrl("").clock(CLOCK)
                .signOptions(false).build();
        String bare = urlOnly.sign(URL, ImageproxyOptions.NONE);
        assertTrue(keyed().build().verify(bare).isAccepted());
        assertTrue(keyed().build().verify(bare.replace("/s", "/0x0,,s")).isAccepted(), "no options, spelled out");
        assertEquals(Rejection.BAD_SIGNATURE, rejection(keyed().requireSignedOptions(true).build().verify(bare)));

        String withOptions = urlOnly.sign(URL, SIGNED_OPTIONS);
        assertEquals(Rejection.BAD_SIGNATURE, rejection(keyed().build().verify(withOptions)));
        String permanent = withOptions.replace("vu" + VU + ",", "").replace("400x400", "9999x9999");
        assertEquals(Rejection.BAD_SIGNATURE, rejection(keyed().build().verify(permanent)));
        // the server's behaviour, as an explicit opt-in
        ImageproxyVerifier peerLike = keyed().acceptUrlOnlySignaturesWithOptions(true).build();
        assertTrue(peerLike.verify(withOptions).isAccepted());
        assertTrue(peerLike.verify(permanent).isAccepted());
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> keyed().requireSignedOptions(true).acceptUrlOnlySignaturesWithOptions(true).build());
        assertTrue(both.getMessage().startsWith("requireSignedOptions, acceptUrlOnlySignaturesWithOptions: "),
                both.getMessage());
    }

    @Test
    void theSchemeProviderDefaultsAreSafe() {
        ImageproxySchemeProvider provider = new ImageproxySchemeProvider();
        String sig = SIGNER.signature(URL, SIGNED_OPTIONS);
        String forged = "/9999x9999,q100,s" + sig + "/" + forgedRemotes(SIGNED_OPTIONS.canonicalWithoutSignature())[0];
        SchemeConfig defaults = SchemeConfig.builder().keys(KEY).clock(CLOCK).build();
        assertEquals(Rejection.BAD_SIGNATURE, rejection(provider.verifier(defaults).verify(forged)));
        String urlOnlyWithOptions = "/9999x9999,s" + ImageproxySigner.builder(KEY).baseUrl("")
                .signOptions(false).build().signature(URL, ImageproxyOptions.NONE) + "/" + URL;
        assertEquals(Rejection.BAD_SIGNATURE, rejection(provider.verifier(defaults).verify(urlOnlyWithOptions)));
        SchemeConfig peerLike = SchemeConfig.builder().keys(KEY).clock(CLOCK)
                .option("acceptUrlOnlySignaturesWithOptions", "true").build();
        assertTrue(provider.verifier(peerLike).verify(urlOnlyWithOptions).isAccepted());
        assertEquals(Rejection.BAD_SIGNATURE, rejection(provider.verifier(peerLike).verify(forged)));
        assertThrows(IllegalArgumentException.class, () -> provider.verifier(SchemeConfig.builder().keys(KEY)
                .option("acceptUrlOnlySignaturesWithOptions", "true").option("requireSignedOptions", "true").build()));
        assertThrows(IllegalArgumentException.class, () -> provider.verifier(SchemeConfig.builder().keys(KEY)
                .option("acceptUrlOnlySignaturesWithOptions", "maybe").build()));
    }

    /** Finding 8: host spellings that reach the same host must not slip past a deny list. */
    @Test
    void denyListsAreNotBypassedByHostSpelling() {
        ImageproxyVerifier verifier = keyed().denyHosts(List.of("evil.example", "*.bad.example", "10.0.0.0/8",
                "8.0.0.1", "::1")).build();
        for (String host : new String[] {"evil.example", "EVIL.example", "Evil.Example", "evil.example.",
                "EVIL.EXAMPLE.", "evil.example..", "ev%69l.example", "ｅｖｉｌ.example", "evil。example",
                "www.bad.example", "WWW.BAD.EXAMPLE.", "bad.example", "10.0.0.1", "10.0.0.1.", "[::ffff:10.0.0.1]",
                "[::ffff:a00:1]", "8.0.0.1", "[0:0::1]", "[::1]",
                // IPv4 not in dotted decimal: fetchers disagree (010 is 8 for browsers and glibc, 10 for old Go)
                "010.0.0.1", "0x0a.0.0.1", "0xa000001", "167772161", "10.1", "10.0.1", "0010.0.0.1", "012.0.0.1",
                // not a valid host at all: refused while hosts are denied
                "exa mple.com", "xn--a", "[fe80::1%25en0]"}) {
            String signed = "/" + forAnyHost(host);
            Verification<ImageproxyRequest> v = verifier.verify(signed);
            Rejection r = rejection(v);
            assertTrue(r == Rejection.HOST_NOT_ALLOWED || r == Rejection.MALFORMED, host + " -> " + v);
        }
        for (String host : new String[] {"good.example", "evil.example.com", "notbad.example.org", "11.0.0.1",
                "8.0.0.2", "[::2]"}) {
            assertTrue(verifier.verify("/" + forAnyHost(host)).isAccepted(), host);
        }
        assertTrue(verifier.verify("/" + forAnyHost("notevil.example")).isAccepted());
        assertEquals(Rejection.HOST_NOT_ALLOWED, rejection(verifier.verify("/" + forAnyHost("worsebad.example"))),
                "deny wildcards keep the server's plain suffix match (fail closed)");
    }

    /** Finding 8: allow lists match the same spellings, and nothing that is only textually similar. */
    @Test
    void allowListsMatchHostsAsBrowsersResolveThem() {
        ImageproxyVerifier verifier = ImageproxyVerifier.builderWithoutKeys().clock(CLOCK)
                .allowHosts(List.of("IMG.example", "*.cdn.example", "192.168.0.0/16", "8.0.0.1", "bücher.example"))
                .build();
        for (String host : new String[] {"img.example", "IMG.EXAMPLE", "img.example.", "a.cdn.example",
                "A.CDN.EXAMPLE.", "cdn.example", "192.168.1.2", "192.168.1.2.", "[::ffff:192.168.1.2]", "8.0.0.1",
                "BÜCHER.example", "xn--bcher-kva.example"}) {
            assertTrue(verifier.verify("/100/https://" + host + "/a.jpg").isAccepted(), host);
        }
        for (String host : new String[] {"img.example.com", "evilimg.example", "evilcdn.example", "cdn.example.evil",
                "192.169.0.1", "0300.0250.1.2", "0xc0a80102", "3232235778", "010.0.0.1", "192.168.258",
                "exa mple.com"}) {
            Verification<ImageproxyRequest> v = verifier.verify("/100/https://" + host + "/a.jpg");
            assertFalse(v.isAccepted(), host + " -> " + v);
        }
    }

    /** Finding 8, referrers: the same matching as allowed hosts. */
    @Test
    void referrersMatchHostsAsBrowsersResolveThem() {
        ImageproxyVerifier verifier = keyed().referrers(List.of("site.example")).build();
        String signed = SIGNER.sign(URL, SIGNED_OPTIONS);
        // IDNA maps 'ſ' to 's' as browsers do: the same host (browsers send the mapped form anyway)
        for (String ok : new String[] {"https://site.example/", "https://SITE.example./page", "http://Site.Example:8080/",
                "https://ſite.example/"}) {
            assertTrue(verifier.verify(ProxyRequest.of(signed, ok)).isAccepted(), ok);
        }
        for (String bad : new String[] {"https://othersite.example/", "https://site.example.evil/", "https://si te.example/",
                "https://xn--site-.example/", "", "not a url"}) {
            assertEquals(Rejection.HOST_NOT_ALLOWED, rejection(verifier.verify(ProxyRequest.of(signed, bad))), bad);
        }
    }

    @Test
    void invalidListEntriesAreRefusedWhenConfigured() {
        for (String bad : new String[] {"", "*.", "*.10.0.0.1", "exa mple.com", "example.com:8080", "010.0.0.1",
                "0x7f.1", "10.0.0.0/33", "10.0.0.0/", "http://example.com", "xn--a", "[::1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ImageproxyVerifier.builderWithoutKeys().denyHosts(List.of(bad)), bad);
            assertTrue(e.getMessage().startsWith("denyHosts: entry"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> ImageproxyVerifier.builderWithoutKeys().allowHosts(List.of(bad)), bad);
            assertThrows(IllegalArgumentException.class, () -> ImageproxyVerifier.builderWithoutKeys().referrers(List.of(bad)), bad);
            if (!bad.isEmpty()) { // the provider skips empty items of its comma-separated lists
                assertThrows(IllegalArgumentException.class, () -> new ImageproxySchemeProvider().verifier(
                        SchemeConfig.builder().keys(KEY).option("denyHosts", "good.example, " + bad).build()), bad);
            }
        }
    }

    /** A request for {@code host} signed with the test key (the remote URL written raw). */
    private static String forAnyHost(String host) {
        String url = "https://" + host + "/a.jpg";
        String sig = ImageproxySigner.builder(KEY).baseUrl("").signOptions(false).build()
                .signature("https://example.com/a.jpg", ImageproxyOptions.NONE);
        // The signature does not matter: denial comes before the signature check, acceptance is checked via
        // a verifier that accepts the URL by key, so sign the URL itself where it can be signed.
        try {
            return SIGNER.sign(url, ImageproxyOptions.NONE).substring(1);
        } catch (IllegalArgumentException unsignable) {
            return "s" + sig + "/" + url;
        }
    }

    /** Interop review: links that are dead on arrival are refused by the signer. */
    @Test
    void theSignerRefusesExpiredAndWrappingValidUntil() {
        String url = "https://example.com/a.jpg";
        assertTrue(SIGNER.sign(url, ImageproxyOptions.parse("vu" + (NOW + 1))).contains("vu" + (NOW + 1)));
        for (long dead : new long[] {NOW, NOW - 1, 1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SIGNER.sign(url, ImageproxyOptions.parse("vu" + dead)));
            assertTrue(e.getMessage().contains("vu" + dead) && e.getMessage().contains("expired"), e.getMessage());
        }
        long lastUsable = Long.MAX_VALUE - 62135596800L;
        ImageproxyVerifier verifier = keyed().build();
        assertTrue(verifier.verify(SIGNER.sign(url, ImageproxyOptions.parse("vu" + lastUsable))).isAccepted());
        for (long wrapping : new long[] {lastUsable + 1, Long.MAX_VALUE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SIGNER.sign(url, ImageproxyOptions.parse("vu" + wrapping)));
            assertTrue(e.getMessage().contains("too far in the future"), e.getMessage());
            // what the verifier (like the server) would have said
            String unsigned = "/vu" + wrapping + "/" + url;
            assertEquals(Rejection.EXPIRED, rejection(verifier.verify(unsigned)));
        }
        // the signature alone is refused the same way
        assertThrows(IllegalArgumentException.class, () -> SIGNER.signature(url, ImageproxyOptions.parse("vu1")));
        // the default clock is the system's
        ImageproxySigner systemClock = ImageproxySigner.builder(KEY).baseUrl("").build();
        assertThrows(IllegalArgumentException.class, () -> systemClock.sign(url, ImageproxyOptions.parse("vu" + NOW)));
        assertThrows(IllegalArgumentException.class, () -> ImageproxySigner.builder(KEY).clock(null));
    }

    /** Interop review: no HTTP server delivers a raw control character or space in a request target. */
    @Test
    void rawControlCharactersAndSpacesAreMalformed() {
        ImageproxyVerifier verifier = keyed().build();
        String signed = SIGNER.sign("https://example.com/a.jpg?q=1", SIGNED_OPTIONS);
        assertTrue(verifier.verify(signed).isAccepted());
        for (char c : new char[] {0, 1, '\t', '\n', '\r', 0x1f, ' ', 0x7f}) {
            for (int at : new int[] {1, signed.indexOf("/https") + 1, signed.indexOf("a.jpg"), signed.length()}) {
                String bad = signed.substring(0, at) + c + signed.substring(at);
                Verification<ImageproxyRequest> v = verifier.verify(bad);
                assertEquals(Rejection.MALFORMED, rejection(v), bad);
                assertEquals(400, ((Verification.Rejected<ImageproxyRequest>) v).httpStatus());
                assertEquals(Rejection.MALFORMED, rejection(
                        ImageproxyVerifier.builderWithoutKeys().acceptUnsignedRequests().build().verify(bad)), bad);
            }
        }
        // escaped, they are ordinary bytes of the remote URL
        assertTrue(ImageproxyVerifier.builderWithoutKeys().acceptUnsignedRequests().build()
                .verify("/100/https://example.com/a%20b.jpg?q=a%09b").isAccepted());
    }

    /** No Unicode case folding on attacker input: 'ſ' (U+017F) upper-cases to 'S' but is not an ASCII 's'. */
    @Test
    void aLongSIsNotAnS() {
        assertFalse(GoServer.looksPercentEncoded("httpſ%3A%2F%2Fexample.com%2Fa.jpg"));
        assertFalse(GoServer.looksPercentEncoded("http%3A%2ſ%2Fexample.com%2Fa.jpg"));
        assertTrue(GoServer.looksPercentEncoded("HtTpS%3a%2f%2Fexample.com%2Fa.jpg"));
        assertTrue("httpſ".regionMatches(true, 0, "HTTPS", 0, 5), "what the JDK's Unicode folding would decide");
        ImageproxyVerifier open = ImageproxyVerifier.builderWithoutKeys().acceptUnsignedRequests().build();
        for (String target : new String[] {"/httpſ://example.com/a.jpg", "/100/httpſ://example.com/a.jpg",
                "/httpſ%3A%2F%2Fexample.com%2Fa.jpg", "/100/httpſ%3A%2F%2Fexample.com%2Fa.jpg",
                "/100/" + base64("httpſ://example.com/a.jpg"), "/100/\u212Attps://example.com/a.jpg"}) {
            assertEquals(Rejection.MALFORMED, rejection(open.verify(target)), target);
        }
        assertThrows(IllegalArgumentException.class, () -> SIGNER.sign("httpſ://example.com/a.jpg", ImageproxyOptions.NONE));
        assertThrows(IllegalArgumentException.class, () -> SIGNER.sign("hTtpſ://example.com/a.jpg", ImageproxyOptions.NONE));
    }
}
