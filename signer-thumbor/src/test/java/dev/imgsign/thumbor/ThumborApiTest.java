package dev.imgsign.thumbor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.ProxyRequest;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.spi.SchemeConfig;
import dev.imgsign.core.spi.SchemeProvider;
import dev.imgsign.core.Schemes;
import dev.imgsign.core.SigningKey;
import dev.imgsign.core.UrlSigner;
import dev.imgsign.core.UrlVerifier;
import dev.imgsign.core.Verification;
import dev.imgsign.thumbor.ThumborOptions.FitIn;
import dev.imgsign.thumbor.ThumborOptions.HorizontalAlign;
import dev.imgsign.thumbor.ThumborOptions.TrimPosition;
import dev.imgsign.thumbor.ThumborOptions.VerticalAlign;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per server rule and per deliberate deviation the README lists, plus the builders and the provider. */
class ThumborApiTest {
    private static final KeySet KEYS = KeySet.ofUtf8("my-security-key");
    private static final String IMG = "my.server.com/some/path/to/image.jpg";
    private static final String PUBLISHED = "/8ammJH8D-7tXy6kU3lTvoXlhu4o=/300x200/" + IMG;
    private static final ThumborSigner SIGNER = ThumborSigner.builder(KEYS).build();
    private static final ThumborVerifier VERIFIER = ThumborVerifier.builder(KEYS).build();
    private static final ThumborOptions SIZE = ThumborOptions.builder().size(300, 200).build();

    private static Rejection reason(Verification<?> v) {
        return v.rejection().orElseThrow(() -> new AssertionError("accepted: " + v));
    }

    @Test
    void publishedExampleSignsAndVerifies() {
        assertEquals(PUBLISHED, SIGNER.sign(SIZE, IMG));
        assertEquals(ThumborRequest.of(SIZE, IMG), VERIFIER.verify(PUBLISHED).orElseThrow());
        assertEquals("https://t.example" + PUBLISHED,
                ThumborSigner.builder(KEYS).prefix("https://t.example//").build().sign(ThumborRequest.of(SIZE, IMG)));
    }

    @Test
    void keyRotationAcceptsOlderKeysAndReportsWhichMatched() {
        ThumborVerifier rotated = ThumborVerifier.builder(
                KeySet.of(SigningKey.ofUtf8("new-key").withId("2026"), SigningKey.ofUtf8("my-security-key").withId("2025")))
                .build();
        Verification.Accepted<ThumborRequest> a = (Verification.Accepted<ThumborRequest>) rotated.verify(PUBLISHED);
        assertEquals(1, a.keyIndex());
        assertEquals("2025", a.keyId());
    }

    @Test
    void unsafeIsOffByDefaultAndOnWhenAsked() {
        String unsafe = "/unsafe/300x200/" + IMG;
        Verification<ThumborRequest> refused = VERIFIER.verify(unsafe);
        assertEquals(Rejection.BAD_SIGNATURE, reason(refused));
        assertEquals(400, ((Verification.Rejected<?>) refused).httpStatus());
        assertFalse(VERIFIER.allowsUnsafe());
        ThumborVerifier open = ThumborVerifier.builder(KEYS).allowUnsafe(true).build();
        Verification.Accepted<ThumborRequest> a = (Verification.Accepted<ThumborRequest>) open.verify(unsafe);
        assertEquals(new ThumborRequest(SIZE, IMG, true), a.request());
        assertEquals(-1, a.keyIndex());
        assertTrue(open.verify(PUBLISHED).isAccepted(), "signed URLs still verify with unsafe on");
    }

    @Test
    void queryIsNotSignedAndRawControlsAreMalformed() {
        assertTrue(VERIFIER.verify(PUBLISHED + "?anything=%zz").isAccepted());
        for (String bad : new String[] {PUBLISHED + " ", PUBLISHED.replace("300x200", "300 200"), PUBLISHED + "\t",
                PUBLISHED + "\u007f", PUBLISHED + "\u00e9", "\n" + PUBLISHED, PUBLISHED.substring(1), "", null}) {
            assertEquals(Rejection.MALFORMED, reason(VERIFIER.verify(bad)), String.valueOf(bad));
        }
    }

    @Test
    void tooLongIsRefusedFirst() {
        ThumborVerifier small = ThumborVerifier.builder(KEYS).maxLength(20).build();
        assertEquals(Rejection.TOO_LONG, reason(small.verify(PUBLISHED)));
        assertThrows(IllegalArgumentException.class, () -> ThumborVerifier.builder(KEYS).maxLength(0));
    }

    @Test
    void allowedSourcesAreExactLowerCaseHosts() {
        ThumborVerifier only = ThumborVerifier.builder(KEYS).allowedSources(List.of("my.server.com")).build();
        assertTrue(only.verify(PUBLISHED).isAccepted());
        String kelvin = SIGNER.sign(SIZE, "my.server.\u212Aom/a.jpg"); // escaped by the signer: never lower-cased to k
        assertEquals(Rejection.HOST_NOT_ALLOWED, reason(only.verify(kelvin)));
        assertEquals(Rejection.HOST_NOT_ALLOWED, reason(only.verify(SIGNER.sign(SIZE, "other.example/a.jpg"))));
        for (String bad : new String[] {"My.server.com", "", "a.*", "h\u00f6st"}) {
            assertThrows(IllegalArgumentException.class, () -> ThumborVerifier.builder(KEYS).allowedSources(List.of(bad)));
        }
    }

    @Test
    void hugeNumbersAreRefusedThoughThumborWouldTryThem() {
        String msg = "99999999999x1/" + IMG;
        ThumborVerifier unsafe = ThumborVerifier.builder(KEYS).allowUnsafe(true).build();
        assertEquals(Rejection.MALFORMED, reason(unsafe.verify("/unsafe/" + msg)));
        assertEquals(Rejection.MALFORMED, reason(unsafe.verify("/unsafe/trim:99999999999/" + IMG)));
        assertEquals(Rejection.MALFORMED, reason(unsafe.verify("/unsafe/1x1:1x99999999999/" + IMG)));
    }

    @Test
    void builderWritesEveryOptionInUrlOrder() {
        ThumborOptions all = ThumborOptions.builder().debug(true).meta(true).trim(TrimPosition.BOTTOM_RIGHT, 5)
                .crop(1, 2, 3, 4).fitIn(FitIn.ADAPTIVE_FULL_FIT_IN).size(ThumborOptions.ORIGINAL, 0)
                .flipHorizontally(true).flipVertically(true).horizontalAlign(HorizontalAlign.RIGHT)
                .verticalAlign(VerticalAlign.TOP).smart(true).filter("quality", "80").filter("fill", "blue").build();
        String url = SIGNER.sign(all, IMG);
        assertTrue(url.endsWith("/debug/meta/trim:bottom-right:5/1x2:3x4/adaptive-full-fit-in/-origx-0/right/top/smart/"
                + "filters:quality(80):fill(blue)/" + IMG), url);
        assertEquals(ThumborRequest.of(all, IMG), VERIFIER.verify(url).orElseThrow());
        assertEquals(all, all.toBuilder().build());
        assertEquals("trim/", ThumborOptions.builder().trim().build().toPathPrefix());
        assertEquals("trim:7/", ThumborOptions.builder().trim(null, 7).build().toPathPrefix());
        assertEquals("", ThumborOptions.NONE.toPathPrefix());
    }

    @Test
    void signerEscapesWhatAPathCannotCarry() {
        String url = SIGNER.sign(ThumborOptions.NONE, "http://h.example/a b?c=d#e%f\u00e9");
        assertTrue(url.endsWith("/http://h.example/a%20b%3Fc=d%23e%25f%C3%A9"), url);
        assertEquals("http://h.example/a b?c=d#e%f\u00e9", VERIFIER.verify(url).orElseThrow().imageUrl());
        ThumborOptions watermark = ThumborOptions.builder().filter("watermark", "h.example/w a.png", "0", "0", "0").build();
        String w = SIGNER.sign(watermark, IMG);
        assertTrue(w.contains("/filters:watermark(h.example/w%20a.png,0,0,0)/"), w);
        assertEquals(watermark, VERIFIER.verify(w).orElseThrow().options());
    }

    @Test
    void signerRefusesWhatThumborWouldReadDifferently() {
        for (String image : new String[] {"smart/my.server.com/a.jpg", "center/h.example/a.jpg", "left/h/a.jpg",
                "httpbin.org/a.jpg", "//h.example/a.jpg", "", "a\ud800b"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SIGNER.sign(SIZE, image), image);
            assertTrue(e.getMessage().contains("imageUrl"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> SIGNER.sign(SIZE, null));
        assertThrows(IllegalArgumentException.class, () -> SIGNER.sign(null, IMG));
        assertThrows(IllegalArgumentException.class, () -> SIGNER.sign((ThumborRequest) null));
        assertThrows(IllegalArgumentException.class, () -> SIGNER.sign(new ThumborRequest(SIZE, IMG, true)));
        ThumborOptions cut = ThumborOptions.builder().filters("a(b)/c(d)").build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SIGNER.sign(cut, IMG)).getMessage()
                .contains("filters"));
        ThumborOptions open = ThumborOptions.builder().filters("a(b").build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SIGNER.sign(open, IMG)).getMessage()
                .contains("filters"));
        assertThrows(IllegalArgumentException.class, () -> ThumborOptions.builder().filter("bad name"));
        assertThrows(IllegalArgumentException.class, () -> ThumborOptions.builder().filter(""));
        assertThrows(IllegalArgumentException.class, () -> ThumborOptions.builder().size(-2, 0));
        assertThrows(IllegalArgumentException.class, () -> ThumborOptions.builder().crop(-1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> ThumborOptions.builder().trim(null, -2));
    }

    @Test
    void nonAsciiKeyIsUsedAsUtf8AsTheServerDoes() {
        // thumbor.json carries the server-signed URL for this key; here: signer and verifier agree, latin-1 does not.
        KeySet utf8 = KeySet.ofUtf8("cl\u00e9");
        String url = ThumborSigner.builder(utf8).build().sign(SIZE, IMG);
        assertTrue(ThumborVerifier.builder(utf8).build().verify(url).isAccepted());
        KeySet latin1 = KeySet.of(SigningKey.ofBytes("cl\u00e9".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        assertFalse(ThumborVerifier.builder(latin1).build().verify(url).isAccepted());
    }

    @Test
    void everyBuilderMisuseIsAnIllegalArgumentNamingTheSetting() {
        misuse("keys: must not be null", () -> ThumborSigner.builder(null));
        misuse("keys: must not be null", () -> ThumborVerifier.builder(null));
        misuse("prefix: must not be null", () -> ThumborSigner.builder(KEYS).prefix(null));
        misuse("prefix: must not be null", () -> ThumborVerifier.builder(KEYS).prefix(null));
        misuse("allowedSources: must not be null", () -> ThumborVerifier.builder(KEYS).allowedSources(null));
        misuse("allowedSources: an entry is null or empty", () -> ThumborVerifier.builder(KEYS).allowedSources(List.of("")));
        misuse("allowedSources: an entry must be a lower-case", () -> ThumborVerifier.builder(KEYS)
                .allowedSources(List.of("A.example")));
        misuse("maxLength: must be positive", () -> ThumborVerifier.builder(KEYS).maxLength(0));
    }

    private static void misuse(String message, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().startsWith(message), ex.getMessage());
    }

    @Test
    void theProxyRequestIsTheEntryPointAndTheQueryIsNeverSigned() {
        assertTrue(VERIFIER.verify(ProxyRequest.of(PUBLISHED + "?a=/b?c", "https://site.example/")).isAccepted());
        ThumborVerifier withPrefix = ThumborVerifier.builder(KEYS).prefix("https://t.example").build();
        assertTrue(withPrefix.verify(ProxyRequest.of("https://t.example" + PUBLISHED + "?x=/y")).isAccepted());
        assertEquals(Rejection.MALFORMED, reason(withPrefix.verify(ProxyRequest.of("https://other.example" + PUBLISHED))));
    }

    @Test
    void toStringsNeverShowKeys() {
        assertFalse(SIGNER.toString().contains("my-security-key"));
        assertFalse(VERIFIER.toString().contains("my-security-key"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void providerWorksByNameWithItsOptions() {
        SchemeProvider provider = Schemes.provider("thumbor");
        assertInstanceOf(ThumborSchemeProvider.class, provider);
        assertEquals("thumbor", provider.name());
        assertFalse(provider.description().isBlank());
        SchemeConfig config = SchemeConfig.builder().keys(KEYS)
                .options(Map.of("prefix", "https://t.example/", "allowUnsafe", "TRUE", "allowedSources",
                        " my.server.com ,, ", "maxLength", "4096")).build();
        UrlSigner<ThumborRequest> signer = (UrlSigner<ThumborRequest>) provider.signer(config);
        assertEquals("https://t.example" + PUBLISHED, signer.sign(ThumborRequest.of(SIZE, IMG)));
        UrlVerifier<?> verifier = provider.verifier(config);
        assertTrue(verifier.verify(PUBLISHED).isAccepted());
        assertTrue(verifier.verify("/unsafe/" + IMG).isAccepted());
        assertEquals(Rejection.HOST_NOT_ALLOWED, verifier.verify("/unsafe/other.example/a.jpg").rejection().orElseThrow());
        UrlVerifier<?> strict = provider.verifier(SchemeConfig.builder().keys(KEYS).build());
        assertEquals(Rejection.BAD_SIGNATURE, strict.verify("/unsafe/" + IMG).rejection().orElseThrow());
        for (Map<String, String> bad : List.of(Map.of("allowUnsafe", "yes"), Map.of("maxLength", "0"),
                Map.of("maxLength", "x"), Map.of("allow-unsafe", "true"), Map.of("allowedSources", "A.com"))) {
            assertThrows(IllegalArgumentException.class,
                    () -> provider.verifier(SchemeConfig.builder().keys(KEYS).options(bad).build()), bad.toString());
        }
        assertThrows(IllegalArgumentException.class, () -> provider.signer(SchemeConfig.builder().build()));
    }
}
