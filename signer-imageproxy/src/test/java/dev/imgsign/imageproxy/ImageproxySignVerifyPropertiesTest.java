package dev.imgsign.imageproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.ProxyRequest;
import dev.imgsign.core.KeySet;
import dev.imgsign.core.Verification;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ImageproxySignVerifyPropertiesTest {
    private static final KeySet KEYS = KeySet.ofUtf8("property key");
    /** At the unix epoch every vu except those Go wraps around is in the future. */
    private static final Clock EPOCH = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
    private static final ImageproxySigner RAW = ImageproxySigner.builder(KEYS).baseUrl("").clock(EPOCH).build();
    private static final ImageproxySigner BASE64 = ImageproxySigner.builder(KEYS).baseUrl("").clock(EPOCH)
            .remoteUrlForm(ImageproxySigner.RemoteUrlForm.BASE64).build();
    private static final ImageproxySigner URL_ONLY = ImageproxySigner.builder(KEYS).baseUrl("").clock(EPOCH)
            .signOptions(false).build();
    private static final ImageproxyVerifier VERIFIER = ImageproxyVerifier.builder(KEYS).clock(EPOCH)
            .maxLength(1 << 16).build();
    private static final ImageproxyVerifier PEER_LIKE = ImageproxyVerifier.builder(KEYS).clock(EPOCH)
            .acceptUrlOnlySignaturesWithOptions(true).maxLength(1 << 16).build();
    private static final ImageproxyVerifier STRICT = ImageproxyVerifier.builder(KEYS).clock(EPOCH)
            .requireSignedOptions(true).maxLength(1 << 16).build();

    @Provide
    Arbitrary<ImageproxyOptions> options() {
        return OptionsArbitraries.options().filter(o -> o.validUntil() < Long.MAX_VALUE - 62135596800L);
    }

    @Provide
    Arbitrary<String> remoteUrls() {
        Arbitrary<String> scheme = Arbitraries.of("http", "https", "HTTP", "Https");
        Arbitrary<String> host = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcxyz0189-.").ofMinLength(1).ofMaxLength(12)
                        .filter(h -> !h.startsWith(".")),
                Arbitraries.of("example.com", "bücher.example", "[::1]", "10.0.0.1", "EXAMPLE.com", "a_b.example"));
        Arbitrary<String> port = Arbitraries.of("", ":8080", ":", ":443");
        Arbitrary<String> path = Arbitraries.strings()
                .withChars("abcXYZ019/._-~!$&'()*+,;=:@[]% éü😀\"<>|^`{}\\")
                .ofMaxLength(20).map(p -> "/" + p);
        Arbitrary<String> query = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().withChars("abc019=&/?:@%+ é'\"|{}^`<>").ofMaxLength(15).map(q -> "?" + q));
        Arbitrary<String> fragment = Arbitraries.of("", "#frag", "#0x0");
        return Combinators.combine(scheme, host, port, path, query, fragment)
                .as((s, h, p, pa, q, f) -> s + "://" + h + p + pa + q + f);
    }

    private static String signOrSkip(ImageproxySigner signer, String url, ImageproxyOptions options) {
        try {
            return signer.sign(url, options);
        } catch (IllegalArgumentException e) {
            Assume.that(false); // not signable (e.g. a bad % escape): covered by the table tests
            return null;
        }
    }

    @Property(tries = 1000)
    void signThenVerifyRoundTrips(@ForAll("remoteUrls") String url, @ForAll("options") ImageproxyOptions options,
            @ForAll boolean base64) {
        ImageproxySigner signer = base64 ? BASE64 : RAW;
        String signed = signOrSkip(signer, url, options);
        Verification<ImageproxyRequest> v = STRICT.verify(signed);
        assertTrue(v.isAccepted(), () -> signed + " -> " + v);
        ImageproxyRequest request = v.acceptedRequest().orElseThrow();
        assertEquals(options.withSignature(signer.signature(url, options)), request.options());
        assertEquals(signer.message(url, ImageproxyOptions.NONE).replace("#0x0", ""), request.remoteUrl());
    }

    @Property(tries = 300)
    void urlOnlySignaturesRoundTripUnlessOptionsMustBeSigned(@ForAll("remoteUrls") String url,
            @ForAll("options") ImageproxyOptions options) {
        String signed = signOrSkip(URL_ONLY, url, options);
        boolean noOptions = options.canonicalWithoutSignature().equals("0x0");
        assertEquals(noOptions, VERIFIER.verify(signed).isAccepted(), signed);
        assertTrue(PEER_LIKE.verify(signed).isAccepted(), signed);
        assertFalse(STRICT.verify(signed).isAccepted(), signed);
    }

    @Property(tries = 500)
    void changingAnySignedOptionIsRejected(@ForAll("remoteUrls") String url, @ForAll("options") ImageproxyOptions signedOptions,
            @ForAll("options") ImageproxyOptions otherOptions) {
        Assume.that(!signedOptions.canonicalWithoutSignature().equals(otherOptions.canonicalWithoutSignature()));
        String signed = signOrSkip(RAW, url, signedOptions);
        String sig = RAW.signature(url, signedOptions);
        String optionsSegment = signedOptions.withSignature(sig).toString();
        String forged = signed.replace("/" + optionsSegment + "/", "/" + otherOptions.withSignature(sig) + "/");
        assertFalse(VERIFIER.verify(forged).isAccepted(), forged);
    }

    /**
     * Issue 13, finding 1: a signature made for some options authorises no request with other options, whatever
     * fragment the remote URL carries (the signed options included) and however the remote URL is written.
     */
    @Property(tries = 500)
    void aSignatureForOptionsAuthorisesNoOtherOptionsNorAFragment(@ForAll("remoteUrls") String url,
            @ForAll("options") ImageproxyOptions signedOptions, @ForAll("options") ImageproxyOptions otherOptions,
            @ForAll("fragments") String fragment, @ForAll("forms") String form) {
        Assume.that(!signedOptions.canonicalWithoutSignature().equals(otherOptions.canonicalWithoutSignature()));
        signOrSkip(RAW, url, signedOptions);
        String sig = RAW.signature(url, signedOptions);
        String remote = URL_ONLY.message(url, ImageproxyOptions.NONE);
        String withFragment = remote + "#" + (fragment.equals("SIGNED") ? signedOptions.canonicalWithoutSignature()
                : fragment);
        String written = switch (form) {
            case "base64" -> java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(withFragment.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            case "percent" -> java.net.URLEncoder.encode(withFragment, java.nio.charset.StandardCharsets.UTF_8);
            case "rawHash" -> withFragment; // a raw '#' in a request target is path or query, never a fragment
            default -> remote;
        };
        String forged = "/" + otherOptions.withSignature(sig) + "/" + written;
        assertFalse(VERIFIER.verify(forged).isAccepted(), forged);
        assertFalse(PEER_LIKE.verify(forged).isAccepted(), forged);
        assertFalse(STRICT.verify(forged).isAccepted(), forged);
        String noOptions = "/s" + sig + "/" + written;
        if (!signedOptions.canonicalWithoutSignature().equals("0x0")) {
            assertFalse(VERIFIER.verify(noOptions).isAccepted(), noOptions);
            assertFalse(PEER_LIKE.verify(noOptions).isAccepted(), noOptions);
        }
    }

    @Provide
    Arbitrary<String> fragments() {
        return Arbitraries.oneOf(Arbitraries.of("SIGNED", "", "0x0", "x"),
                Arbitraries.strings().withChars("0123456789x,qvusfitr#%").ofMaxLength(12));
    }

    @Provide
    Arbitrary<String> forms() {
        return Arbitraries.of("base64", "percent", "rawHash", "plain");
    }

    @Property(tries = 300)
    void changingTheUrlIsRejected(@ForAll("remoteUrls") String url, @ForAll("remoteUrls") String other,
            @ForAll("options") ImageproxyOptions options) {
        String signed = signOrSkip(RAW, url, options);
        String target;
        try {
            target = RAW.sign(other, options);
        } catch (IllegalArgumentException e) {
            Assume.that(false);
            return;
        }
        Assume.that(!RAW.message(url, options).equals(RAW.message(other, options)));
        String forged = target.replace(RAW.signature(other, options), RAW.signature(url, options));
        assertFalse(VERIFIER.verify(forged).isAccepted(), forged + " signed for " + signed);
    }

    @Property(tries = 1000)
    void verifyNeverThrows(@ForAll String any, @ForAll String referer) {
        assertNotNull(VERIFIER.verify(any));
        assertNotNull(VERIFIER.verify(ProxyRequest.of("/" + any, referer)));
        assertNotNull(VERIFIER.verify("/100/" + any));
        assertNotNull(ImageproxyVerifier.builderWithoutKeys().acceptUnsignedRequests().referrers(java.util.List.of("x"))
                .denyHosts(java.util.List.of("10.0.0.0/8")).build().verify(ProxyRequest.of("/x/" + any, any)));
    }

    @Property(tries = 1000)
    void verifyNeverThrowsOnMutatedSignedUrls(@ForAll("remoteUrls") String url, @ForAll("options") ImageproxyOptions options,
            @ForAll int position, @ForAll char replacement, @ForAll boolean delete) {
        String signed = signOrSkip(RAW, url, options);
        int i = Math.floorMod(position, signed.length());
        String mutated = delete ? signed.substring(0, i) + signed.substring(i + 1)
                : signed.substring(0, i) + replacement + signed.substring(i + 1);
        Verification<ImageproxyRequest> v = VERIFIER.verify(mutated);
        assertNotNull(v);
    }
}
