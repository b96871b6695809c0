package dev.imgsign.imageproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.ProxyRequest;
import dev.imgsign.core.KeySet;
import dev.imgsign.core.Verification;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fast path for plain URLs ({@link PlainUrl}) against the full emulation it bypasses: signing and
 * verifying decide exactly the same, byte for byte and message for message, on URLs near the edge of
 * "plain" (characters Go escapes, {@code %}, fragments, odd schemes and hosts, empty queries).
 */
class PlainUrlPropertiesTest {
    private static final KeySet KEYS = KeySet.ofUtf8("plain key");
    private static final KeySet TWO_KEYS = KeySet.of(dev.imgsign.core.SigningKey.ofUtf8("old key"), dev.imgsign.core.SigningKey.ofUtf8("plain key"));
    /** Mid-range: some generated vu are past, most in the future. */
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_000_000_000L), ZoneOffset.UTC);
    private static final ImageproxySigner SIGNER = ImageproxySigner.builder(KEYS).baseUrl("").clock(CLOCK)
            .build();
    private static final ImageproxySigner URL_ONLY_SIGNER = ImageproxySigner.builder(KEYS).baseUrl("")
            .clock(CLOCK).signOptions(false).build();
    private static final List<ImageproxyVerifier> VERIFIERS = List.of(
            ImageproxyVerifier.builder(KEYS).clock(CLOCK).build(),
            ImageproxyVerifier.builder(TWO_KEYS).clock(CLOCK).requireSignedOptions(true).build(),
            ImageproxyVerifier.builder(KEYS).clock(CLOCK).acceptUrlOnlySignaturesWithOptions(true).build(),
            ImageproxyVerifier.builder(KEYS).clock(CLOCK).denyHosts(List.of("evil.example")).build());

    @Provide
    Arbitrary<String> nearPlainUrls() {
        Arbitrary<String> scheme = Arbitraries.of("http://", "https://", "http://", "https://", "HTTP://",
                "http:/", "https:///", "ftp://", "http%3A%2F%2F", "aHR0cHM6Ly9hLmI");
        Arbitrary<String> host = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abzAZ09.-").ofMinLength(1).ofMaxLength(10),
                Arbitraries.strings().withChars("abz09.-:_@[]%!é ").ofMaxLength(8));
        Arbitrary<String> port = Arbitraries.of("", "", ":8080", ":", ":x", "::1");
        Arbitrary<String> path = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcXYZ019/-._~$&+,;=:@").ofMaxLength(20).map(p -> "/" + p),
                Arbitraries.strings().withChars("abc019/-._~$&+,;=:@!'()*%#?[] é\"<>|^`{}\\").ofMaxLength(20)
                        .map(p -> "/" + p),
                Arbitraries.of("a", "/", "%41", "%c3%bc", "%2F", "%25", "%3F", "%", "%4", "ü", " ", "!", "(", "[",
                        "\"", "%20", "~", "😀", ":", "@", "\u0001", "\uD800", "\uDC00", "?", "\u0141", "\u0125",
                        "\u012F", "\u013F", "\u0123", "\u0161").list().ofMaxSize(8)
                        .map(parts -> "/" + String.join("", parts)),
                Arbitraries.just(""));
        Arbitrary<String> query = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just("?"),
                Arbitraries.strings().withChars("abc019=&/?:@%+!'()*-_.~[]$,;").ofMaxLength(15).map(q -> "?" + q),
                Arbitraries.strings().withChars("abc=&?%#'\"|{}^`<>\\é \u007f\uD83D\uDE00").ofMaxLength(8).map(q -> "?" + q),
                // chars whose low byte is ASCII: a copy that truncated chars to bytes would misread them
                Arbitraries.strings().withChars("a=&\u0141\u0125\u0123\u013F\u0161\u0126").ofMaxLength(6).map(q -> "?" + q));
        return Combinators.combine(scheme, host, port, path, query).as((s, h, p, pa, q) -> s + h + p + pa + q);
    }

    @Provide
    Arbitrary<String> optionTexts() {
        return Arbitraries.oneOf(
                OptionsArbitraries.options().map(ImageproxyOptions::toString),
                Arbitraries.strings().withChars("0123456789xqrsvucfitp,=-_:.%é\u0141\u012F").ofMaxLength(16),
                // long canonical forms: more than the message's room for options
                Arbitraries.of("1.5x2.25,cx0.125,cy0.25,cw0.5,ch0.75,fit,fh,fv,q99,r90,sc,trim,vu4000000000",
                        "-1e300x7e-300,q-9223372036854775808,r9223372036854775807,vu4102444800"),
                Arbitraries.of("", "0x0", "http:", "x", "/"));
    }

    @Property(tries = 3000)
    void signingTakesTheFastPathOnlyWhereItChangesNothing(@ForAll("nearPlainUrls") String url,
            @ForAll("options") ImageproxyOptions options, @ForAll boolean signOptions) {
        ImageproxySigner signer = signOptions ? SIGNER : URL_ONLY_SIGNER;
        assertEquals(outcome(() -> signer.signReference(url, options)), outcome(() -> signer.sign(url, options)),
                url);
    }

    /** changes() counts exactly what rewrite() writes, and says -1 exactly where normalise gives up. */
    @Property(tries = 3000)
    void theNormalisedLengthIsCountedExactly(@ForAll("nearPlainUrls") String url) {
        long changes = PlainUrl.changes(url);
        String normalised = PlainUrl.normalise(url);
        assertEquals(changes < 0, normalised == null, url);
        if (changes > 0) {
            assertEquals(normalised.length(), PlainUrl.normalisedLength(changes), url);
            assertTrue(normalised.indexOf(0) < 0, url); // every byte written
        } else if (changes == 0) {
            assertTrue(normalised == url, url);
        }
    }

    @Property(tries = 3000)
    void verifyingTakesTheFastPathOnlyWhereItChangesNothing(@ForAll("optionTexts") String options,
            @ForAll("nearPlainUrls") String url, @ForAll boolean sign, @ForAll boolean tamper) {
        String target = "/" + options + "/" + url;
        if (sign) {
            String signed = outcome(() -> SIGNER.sign(url, ImageproxyOptions.parse(options)));
            if (signed.startsWith("/")) {
                target = tamper ? signed.replace("a", "b") : signed;
            }
        }
        for (ImageproxyVerifier verifier : VERIFIERS) {
            String t = target;
            Verification<ImageproxyRequest> reference = verifier.verifyReference(t, null);
            assertEquals(reference, verifier.verify(ProxyRequest.of(t, null)), t);
        }
    }

    @Property(tries = 1000)
    void urlOnlySignaturesTakeTheSameDecision(@ForAll("nearPlainUrls") String url, @ForAll boolean withOptions) {
        String signed = outcome(() -> URL_ONLY_SIGNER.sign(url, ImageproxyOptions.NONE));
        String target = withOptions ? signed.replaceFirst("^/0x0,", "/10x10,") : signed;
        for (ImageproxyVerifier verifier : VERIFIERS) {
            assertEquals(verifier.verifyReference(target, null), verifier.verify(ProxyRequest.of(target, null)), target);
        }
    }

    @Property(tries = 2000)
    void textWithSignatureIsTheCanonicalText(@ForAll("options") ImageproxyOptions options,
            @ForAll("signatures") String signature) {
        assertEquals(outcome(() -> options.withSignature(signature).toString()),
                outcome(() -> options.textWithSignature(signature)));
    }

    @Property(tries = 1000)
    void signaturesAreEncodedAsTheJdkEncodesThem(@ForAll @net.jqwik.api.constraints.Size(32) byte[] mac,
            @ForAll @net.jqwik.api.constraints.IntRange(max = 8) int at) {
        byte[] out = new byte[at + 44 + 3];
        ImageproxySigner.encodeSignature(mac, out, at);
        assertEquals(java.util.Base64.getUrlEncoder().encodeToString(mac),
                new String(out, at, 44, java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(0, out[at + 44]);
    }

    @Example
    void optionsLongerThanTheMessagesRoomAreWrittenWhole() {
        String remote = "http://h/a.png";
        for (String text : List.of("1.5x2.25,cx0.125,cy0.25,cw0.5,ch0.75,fit,fh,fv,q99,r90,sc,trim,vu4000000000",
                "-1e300x7e-300,q-9223372036854775808,r9223372036854775807,vu4102444800", "0x0", "")) {
            ImageproxyOptions options = ImageproxyOptions.parse(text);
            String target = "/" + text + "/" + remote;
            int start = PlainUrl.remoteStart(target);
            byte[] message = PlainUrl.message(target, start, options);
            assertEquals(remote + "#" + options.canonicalWithoutSignature(),
                    new String(message, java.nio.charset.StandardCharsets.ISO_8859_1));
            assertTrue(PlainUrl.plainOptions(message, remote.length()));
            assertEquals(options.canonicalWithoutSignature().equals("0x0"), PlainUrl.noOptions(message, remote.length()),
                    text);
            String signed = SIGNER.sign(remote, options);
            assertEquals(SIGNER.signReference(remote, options), signed);
            assertTrue(VERIFIERS.get(0).verify(signed).isAccepted(), signed);
        }
    }

    @Provide
    Arbitrary<String> signatures() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("ABCabcsz019-_=").ofMaxLength(44),
                Arbitraries.strings().withChars("cfitrqvu0x9,é").ofMaxLength(6));
    }

    @Provide
    Arbitrary<ImageproxyOptions> options() {
        return OptionsArbitraries.options();
    }

    @Example
    void theBenchmarkUrlsTakeTheFastPath() {
        String url = "http://golang.org/doc/gopher/frontpage.png?width=1024&height=768";
        assertTrue(PlainUrl.isPlainRemote(url));
        String signed = SIGNER.sign(url, ImageproxyOptions.parse("300x200,fit,q75"));
        assertTrue(PlainUrl.remoteStart(signed) > 0, signed);
        assertTrue(VERIFIERS.get(0).verify(signed).isAccepted());
    }

    @Example
    void urlsToEscapeTakeTheFastPathToo() {
        ImageproxyOptions options = ImageproxyOptions.parse("300x200,fit,q75");
        for (String url : List.of("http://example.com/bücher/a b.png?q=ä ö", "https://h/%41!%c3 x?a=\"b\"&c=|",
                "http://h:8080/a%2Fb c")) {
            String normalised = PlainUrl.normalise(url);
            assertTrue(normalised != null && PlainUrl.isPlainRemote(normalised), url);
            String signed = SIGNER.sign(url, options);
            assertEquals(SIGNER.signReference(url, options), signed);
            assertTrue(PlainUrl.remoteStart(signed) > 0, signed);
            assertEquals(VERIFIERS.get(0).verifyReference(signed, null), VERIFIERS.get(0).verify(signed));
        }
        assertEquals("http://example.com/b%C3%BCcher/a%20b.png?q=%C3%A4%20%C3%B6",
                PlainUrl.normalise("http://example.com/bücher/a b.png?q=ä ö"));
    }

    @Provide
    Arbitrary<String> signatureTexts() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars(alphabet).ofLength(43).map(d -> d + "="),
                Arbitraries.strings().withChars(alphabet + "=+/\r\né\u0000").ofLength(43)
                        .flatMap(d -> Arbitraries.of("=", "A", "==", "", "\n").map(e -> d + e)),
                Arbitraries.strings().withChars(alphabet + "=").ofMinLength(40).ofMaxLength(48));
    }

    @Property(tries = 3000)
    void signaturesInTheSignersShapeDecodeAsGoDecodesThem(@ForAll("signatureTexts") String signature) {
        byte[] sig = signature.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] reference = dev.imgsign.peer.go.GoBase64.decodeUrlPadded(sig, 0, sig.length);
        byte[] fast = ImageproxyVerifier.decodeSignerShape(signature);
        if (fast != null) {
            assertTrue(java.util.Arrays.equals(reference, fast), signature);
        }
        assertTrue(java.util.Arrays.equals(reference, ImageproxyVerifier.decodeSignature(signature)), signature);
    }

    @Property(tries = 3000)
    void signaturesInTheSignersShapeCompareAsTheirDecodedBytes(@ForAll("signatureTexts") String signature,
            @ForAll @net.jqwik.api.constraints.Size(32) byte[] other, @ForAll @net.jqwik.api.constraints.IntRange(max = 255) int flip) {
        byte[] decoded = ImageproxyVerifier.decodeSignerShape(signature);
        assertEquals(decoded != null, ImageproxyVerifier.signerShape(signature), signature);
        if (decoded == null) {
            return;
        }
        assertTrue(ImageproxyVerifier.signerShapeEquals(signature, decoded), signature);
        assertEquals(java.util.Arrays.equals(decoded, other), ImageproxyVerifier.signerShapeEquals(signature, other));
        byte[] changed = decoded.clone();
        changed[flip / 8] ^= (byte) (1 << (flip % 8));
        assertTrue(!ImageproxyVerifier.signerShapeEquals(signature, changed), signature);
    }

    @Provide
    Arbitrary<String> schemeLike() {
        return Arbitraries.strings().withChars("hHtpsS09+-.:/%#?@ é").ofMaxLength(12);
    }

    /** The server's first attempt skips url.Parse for a text without scheme: parsing it would not help. */
    @Property(tries = 3000)
    void aTextWithoutSchemeNeverParsesAsAnAbsoluteUrl(@ForAll("schemeLike") String s) {
        dev.imgsign.peer.go.GoUrl parsed = dev.imgsign.peer.go.GoUrl.parse(s);
        if (parsed != null) {
            assertEquals(parsed.isAbs(), GoServer.startsWithScheme(s), s);
        } else if (GoServer.startsWithScheme(s)) {
            assertTrue(s.indexOf(':') > 0, s);
        }
    }

    @Example
    void schemes() {
        assertTrue(GoServer.startsWithScheme("http:"));
        assertTrue(GoServer.startsWithScheme("a+b-c.d9:x"));
        assertTrue(!GoServer.startsWithScheme(":x"));
        assertTrue(!GoServer.startsWithScheme("9a:x"));
        assertTrue(!GoServer.startsWithScheme("ab"));
        assertTrue(!GoServer.startsWithScheme("a/b:c"));
        assertTrue(!GoServer.startsWithScheme(""));
    }

    private static String outcome(java.util.function.Supplier<String> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException e) {
            return "IllegalArgumentException: " + e.getMessage();
        }
    }
}
