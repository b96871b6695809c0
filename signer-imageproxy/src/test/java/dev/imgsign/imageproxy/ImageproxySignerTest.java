package dev.imgsign.imageproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.KeySet;
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

class ImageproxySignerTest {
    private static final TestVectors VECTORS = TestVectors.load("imageproxy");
    /** Before every vu of the vectors (vu1800000000 is January 2027), so they keep passing after it. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC);

    private static ImageproxySigner signer(String key, String base, boolean signOptions,
            ImageproxySigner.RemoteUrlForm form) {
        return ImageproxySigner.builder(KeySet.ofUtf8(key)).baseUrl(base).clock(CLOCK).signOptions(signOptions)
                .remoteUrlForm(form).build();
    }

    @TestFactory
    Stream<DynamicTest> publishedSignatures() {
        List<TestVectors.Vector> vectors = VECTORS.tests("ImageproxySignature");
        assertEquals(2, vectors.size());
        return vectors.stream().map(v -> DynamicTest.dynamicTest(v.toString(), () -> {
            boolean withOptions = v.get("mode").equals("url#options");
            ImageproxySigner s = signer(v.get("key"), v.find("base").orElse("http://localhost:8080"), withOptions,
                    ImageproxySigner.RemoteUrlForm.RAW);
            ImageproxyOptions options = ImageproxyOptions.parse(v.get("options"));
            assertEquals(v.get("message"), s.message(v.get("url"), options));
            assertEquals(v.get("signature"), s.signature(v.get("url"), options));
            v.find("signedUrl").ifPresent(url -> assertEquals(url, s.sign(v.get("url"), options)));
        }));
    }

    @Test
    void publishedCanonicalMessage() {
        TestVectors.Vector v = VECTORS.tests("ImageproxyCanonicalOptions").stream()
                .filter(t -> t.find("message").isPresent()).findFirst().orElseThrow();
        ImageproxySigner s = signer("any", "http://localhost:8080", true, ImageproxySigner.RemoteUrlForm.RAW);
        assertEquals(v.get("message"), s.message(v.get("url"), ImageproxyOptions.parse(v.get("options"))));
    }

    @TestFactory
    Stream<DynamicTest> signaturesMatchGo() {
        List<TestVectors.Vector> vectors = VECTORS.tests("ImageproxySign");
        assertTrue(vectors.size() > 80);
        return vectors.stream().map(v -> DynamicTest.dynamicTest(v + " " + v.get("url"), () -> {
            ImageproxySigner s = signer(v.get("key"), v.get("base"), v.get("mode").equals("url#options"),
                    v.get("form").equals("base64") ? ImageproxySigner.RemoteUrlForm.BASE64
                            : ImageproxySigner.RemoteUrlForm.RAW);
            ImageproxyOptions options = ImageproxyOptions.parse(v.get("options"));
            if (!v.valid()) {
                assertThrows(IllegalArgumentException.class, () -> s.sign(v.get("url"), options));
                return;
            }
            assertEquals(v.get("message"), s.message(v.get("url"), options));
            assertEquals(v.get("signature"), s.signature(v.get("url"), options));
            assertEquals(v.get("signedUrl"), s.sign(v.get("url"), options));
        }));
    }

    /**
     * Every URL the signer produces verifies under the same key, as a request target of the server. A URL-only
     * signature on a request with options is what the server accepts; our verifier accepts it only when told
     * to (acceptUrlOnlySignaturesWithOptions), which is asserted here as the documented deviation.
     */
    @TestFactory
    Stream<DynamicTest> signedVectorsVerify() {
        return VECTORS.tests("ImageproxySign").stream().filter(TestVectors.Vector::valid).map(v ->
                DynamicTest.dynamicTest(v + " " + v.get("url"), () -> {
                    boolean urlOnly = v.get("mode").equals("url");
                    boolean hasOptions = !ImageproxyOptions.parse(v.get("options")).canonicalWithoutSignature()
                            .equals("0x0");
                    KeySet keys = KeySet.ofUtf8(v.get("key"));
                    String target = v.get("signedUrl").substring(v.get("base").length());
                    Verification<ImageproxyRequest> byDefault = ImageproxyVerifier.builder(keys).clock(CLOCK)
                            .build().verify(target);
                    assertEquals(!(urlOnly && hasOptions), byDefault.isAccepted(), byDefault.toString());
                    ImageproxyVerifier verifier = ImageproxyVerifier.builder(keys).clock(CLOCK)
                            .requireSignedOptions(!urlOnly).acceptUrlOnlySignaturesWithOptions(urlOnly).build();
                    Verification<ImageproxyRequest> result = verifier.verify(target);
                    assertTrue(result.isAccepted(), result.toString());
                    assertEquals(ImageproxyOptions.parse(v.get("options")).withSignature(v.get("signature")),
                            result.acceptedRequest().orElseThrow().options());
                }));
    }

    @Test
    void theRequestFormSignsTheSame() {
        ImageproxySigner s = signer("secretkey", "http://localhost:8080/", true, ImageproxySigner.RemoteUrlForm.RAW);
        ImageproxyOptions options = ImageproxyOptions.builder().size(400, 400).quality(40).build();
        assertEquals(s.sign("https://octodex.github.com/images/codercat.jpg", options),
                s.sign(new ImageproxyRequest("https://octodex.github.com/images/codercat.jpg", options)));
        assertTrue(s.signsOptions());
        assertTrue(s.sign(ImageproxyRequest.of("http://example.com/a.jpg")).startsWith("http://localhost:8080/0x0,s"));
    }

    @Test
    void anExistingSignatureIsReplaced() {
        ImageproxySigner s = signer("secretkey", "http://localhost:8080", true, ImageproxySigner.RemoteUrlForm.RAW);
        ImageproxyOptions options = ImageproxyOptions.parse("400x400,q40,sSTALE");
        assertEquals("0sR2kjyfiF1RQRj4Jm2fFa3_6SDFqdAaDEmy1oD2U-4=",
                s.signature("https://octodex.github.com/images/codercat.jpg", options));
    }

    @Test
    void badArgumentsAreRefusedWithoutEchoingTheKey() {
        ImageproxySigner s = signer("topsecret", "http://localhost:8080", true, ImageproxySigner.RemoteUrlForm.RAW);
        for (String bad : new String[] {"", "/a.jpg", "//example.com/a.jpg", "ftp://example.com/a", "http:/x/a.jpg",
                "http:opaque", "http://exa mple.com/", "http://a\"b.com/a.jpg", "http://example.com/%zz", "mailto:x@y"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> s.sign(bad, ImageproxyOptions.NONE), bad);
            assertFalse(e.getMessage().contains("topsecret"));
        }
        assertThrows(IllegalArgumentException.class, () -> s.sign(null, ImageproxyOptions.NONE));
        assertThrows(IllegalArgumentException.class, () -> s.sign("http://example.com/a.jpg", null));
        assertThrows(IllegalArgumentException.class, () -> s.sign((ImageproxyRequest) null));
        assertFalse(s.toString().contains("topsecret"));
    }

    @Test
    void builderRequiresKeysAndBase() {
        assertThrows(IllegalArgumentException.class, () -> ImageproxySigner.builder(null));
        assertThrows(IllegalArgumentException.class,
                () -> ImageproxySigner.builder(KeySet.of(SigningKey.ofUtf8("k"))).build());
        assertEquals("/0x0,s", ImageproxySigner.builder(KeySet.ofUtf8("k")).baseUrl("/").build()
                .sign(ImageproxyRequest.of("http://example.com/a.jpg")).substring(0, 6));
        assertThrows(IllegalArgumentException.class,
                () -> ImageproxySigner.builder(KeySet.ofUtf8("k")).baseUrl("http://x/?a"));
    }

    /** The signer's extra rules, each checked against a Go-computed vector above; spelled out here. */
    @Test
    void normalisationRules() {
        ImageproxySigner s = signer("k", "http://p", false, ImageproxySigner.RemoteUrlForm.RAW);
        assertEquals("http://example.com/a.jpg", s.message("HTTP://example.com/a.jpg", ImageproxyOptions.NONE));
        assertEquals("https://example.com/%C3%BC.jpg", s.message("https://example.com/ü.jpg", ImageproxyOptions.NONE));
        assertEquals("http://example.com/a.jpg", s.message("http://example.com/a.jpg#frag", ImageproxyOptions.NONE));
        assertEquals("http://example.com/a.jpg", s.message("http://example.com/a.jpg?", ImageproxyOptions.NONE));
        assertEquals("http://example.com/a.jpg?b=c%20d&e=%C3%BC",
                s.message("http://example.com/a.jpg?b=c d&e=ü", ImageproxyOptions.NONE));
        assertEquals("http://example.com/a/b%20c.jpg", s.message("http://example.com/a%2Fb c.jpg", ImageproxyOptions.NONE));
        assertEquals("q=%27x%27%7C%7By%7D%5E%60", ImageproxySigner.escapeQueryForTransport("q='x'|{y}^`"));
        assertEquals("a=%zz&b=/?:@", ImageproxySigner.escapeQueryForTransport("a=%zz&b=/?:@"));
    }
}
