package dev.imgsign.imgproxy;

import dev.imgsign.core.KeySet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.UrlSigner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** One test per signing rule in the module README. */
class ImgproxySignerTest {
    private static final KeySet KEYS = ImgproxyKeys.hexList("keys", "736563726574");
    private static final KeySet SALTS = ImgproxyKeys.hexList("salts", "68656C6C6F");
    private static final ImgproxySigner BASE64 = ImgproxySigner.builder(KEYS).salts(SALTS).build();
    private static final ImgproxySigner PLAIN = ImgproxySigner.builder(KEYS).salts(SALTS)
            .sourceForm(ImgproxySigner.SourceForm.PLAIN).build();
    private static final List<ImgproxyVerifier> VERIFIERS = List.of(
            ImgproxyVerifier.builder(KEYS).salts(SALTS).serverVersion(ImgproxyServerVersion.V3).build(),
            ImgproxyVerifier.builder(KEYS).salts(SALTS).serverVersion(ImgproxyServerVersion.V4).build());

    private static String signedAndVerified(ImgproxySigner signer, ImgproxyRequest request) {
        String url = signer.sign(request);
        for (ImgproxyVerifier v : VERIFIERS) {
            assertEquals(request, v.verify(url).orElseThrow(), url);
        }
        return url;
    }

    private static String afterSignature(String url) {
        return url.substring(url.indexOf('/', 1));
    }

    private static void refused(String expectedWord, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(expectedWord), ex.getMessage());
    }

    @Test
    void keysMustBeNonEmptyValidHexInMatchingCountsAndAreNeverPrinted() {
        refused("keys: element 0 is empty", () -> ImgproxyKeys.ofHex("", "00"));
        refused("salts: element 0 is empty", () -> ImgproxyKeys.ofHex("00", ""));
        refused("keys: element 1 is empty", () -> ImgproxyKeys.ofHex("00,", "00,00"));
        refused("not valid hexadecimal", () -> ImgproxyKeys.ofHex("zz", "00"));
        refused("not valid hexadecimal", () -> ImgproxyKeys.ofHex("abc", "00"));
        refused("salts: imgproxy needs as many salts as keys", () -> ImgproxyKeys.ofHex("00,01", "00"));
        refused("at most 16", () -> ImgproxyKeys.ofHex("00,".repeat(16) + "00", "00,".repeat(16) + "00"));
        ImgproxyKeys keys = ImgproxyKeys.ofHex(" 736563726574 , 01", "68656c6c6f,02");
        assertEquals(2, keys.size());
        assertFalse(keys.toString().contains("7365"));
        assertFalse(BASE64.toString().contains("736563726574"));
        assertFalse(BASE64.toString().contains("68656C6C6F"));
    }

    @Test
    void everyBuilderMisuseIsAnIllegalArgumentNamingTheSetting() {
        refused("keys: must not be null", () -> ImgproxySigner.builder(null));
        refused("keys: must not be null", () -> ImgproxyVerifier.builder(null));
        refused("salts: required", () -> ImgproxySigner.builder(KEYS).build());
        refused("salts: required", () -> ImgproxyVerifier.builder(KEYS).build());
        refused("salts: must not be null", () -> ImgproxySigner.builder(KEYS).salts(null));
        refused("salts: imgproxy needs as many salts as keys", () -> ImgproxySigner.builder(KEYS)
                .salts(ImgproxyKeys.hexList("salts", "00,01")).build());
        refused("salts: imgproxy needs as many salts as keys", () -> ImgproxyVerifier.builder(KEYS)
                .salts(ImgproxyKeys.hexList("salts", "00,01")).build());
        refused("salts: a verifier that checks no signature", () -> ImgproxyVerifier.builderWithoutKeys().salts(SALTS).build());
        refused("sourceForm: must not be null", () -> ImgproxySigner.builder(KEYS).sourceForm(null));
        refused("serverVersion: must not be null", () -> ImgproxyVerifier.builder(KEYS).serverVersion(null));
        refused("trustedSignatures: must not be null", () -> ImgproxyVerifier.builder(KEYS).trustedSignatures(null));
        refused("trustedSignatures: a trusted signature is null or empty",
                () -> ImgproxyVerifier.builder(KEYS).trustedSignatures(List.of("")));
        refused("maxLength: must be positive", () -> ImgproxyVerifier.builder(KEYS).maxLength(0));
        refused("baseUrl: must not be null", () -> ImgproxyVerifier.builder(KEYS).baseUrl(null));
        refused("pathPrefix: must not be null", () -> ImgproxyVerifier.builder(KEYS).pathPrefix(null));
        refused("signatureSize: must be within 1..32", () -> ImgproxyVerifier.builder(KEYS).signatureSize(0));
    }

    @Test
    void theFirstPairSignsAndOlderPairsOnlyVerify() {
        KeySet rotated = ImgproxyKeys.hexList("keys", "0102,736563726574");
        KeySet rotatedSalts = ImgproxyKeys.hexList("salts", "0304,68656C6C6F");
        String url = ImgproxySigner.builder(rotated).salts(rotatedSalts).build().sign(ImgproxyRequest.of("http://x/y"));
        assertFalse(VERIFIERS.get(1).verify(url).isAccepted());
        assertTrue(ImgproxyVerifier.builder(rotated).salts(rotatedSalts).build().verify(url).isAccepted());
        String old = BASE64.sign(ImgproxyRequest.of("http://x/y"));
        assertEquals(1, ((dev.imgsign.core.Verification.Accepted<?>) ImgproxyVerifier.builder(rotated).salts(rotatedSalts).build()
                .verify(old)).keyIndex());
    }

    @Test
    void signatureSizeTruncatesTheMacToItsFirstBytes() {
        for (int size = 1; size <= 32; size++) {
            ImgproxySigner s = ImgproxySigner.builder(KEYS).salts(SALTS).signatureSize(size).build();
            String url = s.sign(ImgproxyRequest.of("http://x/y"));
            String sig = url.substring(1, url.indexOf('/', 1));
            assertEquals((8 * size + 5) / 6, sig.length(), "ceil(8N/6) characters");
            assertTrue(BASE64.sign(ImgproxyRequest.of("http://x/y")).startsWith(url.substring(0, (8 * size) / 6 + 1)));
            assertTrue(ImgproxyVerifier.builder(KEYS).salts(SALTS).signatureSize(size).build().verify(url).isAccepted());
        }
        refused("signatureSize", () -> ImgproxySigner.builder(KEYS).signatureSize(0));
        refused("signatureSize", () -> ImgproxySigner.builder(KEYS).signatureSize(33));
    }

    @Test
    void typedOptionsWriteTheServersSyntax() {
        ImgproxyOptions o = ImgproxyOptions.builder()
                .resize(ImgproxyOptions.ResizingType.FILL_DOWN, 300, 0).size(1, 2).resizingType(ImgproxyOptions.ResizingType.AUTO)
                .width(3).height(4).gravity(ImgproxyOptions.Gravity.NORTH_EAST).gravity(ImgproxyOptions.Gravity.WEST, 1.5, -2)
                .focusPoint(0.25, 1).enlarge(true).extend(false).extend(true, ImgproxyOptions.Gravity.CENTER).quality(0)
                .format("webp").dpr(2).dpr(0.5).blur(0).sharpen(1e-3).rotate(-90).background("FFaa00").autoRotate(true)
                .stripMetadata(false).cacheBuster("a.b-c_d~e").preset("p1").raw("pd:1:2:3:4").build();
        assertEquals("rs:fill-down:300:0/s:1:2/rt:auto/w:3/h:4/g:noea/g:we:1.5:-2/g:fp:0.25:1/el:1/ex:0/ex:1:ce/q:0/f:webp"
                + "/dpr:2/dpr:0.5/bl:0/sh:0.001/rot:-90/bg:FFaa00/ar:1/sm:0/cb:a.b-c_d~e/pr:p1/pd:1:2:3:4", o.toString());
        assertEquals(o, ImgproxyOptions.ofServerSegments(o.segments()));
        assertTrue(afterSignature(signedAndVerified(BASE64, ImgproxyRequest.of(o, "http://x/y"))).startsWith("/" + o + "/"));
    }

    @Test
    void optionValuesTheServerCannotReceiveVerbatimAreRefused() {
        for (String bad : new String[] {"cb:a b", "cb:v%3A1", "cb:%41", "cb:a/b", "cb:a?b", "cb:a#b", "cb:\u00e9",
                "cb:a\tb", "nocolon", ":x", "", "cb:a\\b", "cb:\"", "cb:<>", "cb:{}", "cb:|", "cb:^", "cb:`"}) {
            refused("option segment", () -> ImgproxyOptions.builder().raw(bad));
        }
        List<Executable> typed = new ArrayList<>();
        typed.add(() -> ImgproxyOptions.builder().width(-1));
        typed.add(() -> ImgproxyOptions.builder().quality(101));
        typed.add(() -> ImgproxyOptions.builder().dpr(0));
        typed.add(() -> ImgproxyOptions.builder().dpr(Double.NaN));
        typed.add(() -> ImgproxyOptions.builder().blur(-1));
        typed.add(() -> ImgproxyOptions.builder().focusPoint(1.5, 0));
        typed.add(() -> ImgproxyOptions.builder().gravity(ImgproxyOptions.Gravity.SMART, 1, 1));
        typed.add(() -> ImgproxyOptions.builder().extend(true, ImgproxyOptions.Gravity.SMART));
        typed.add(() -> ImgproxyOptions.builder().rotate(45));
        typed.add(() -> ImgproxyOptions.builder().background("red"));
        typed.add(() -> ImgproxyOptions.builder().format("we bp"));
        typed.add(() -> ImgproxyOptions.builder().preset(""));
        typed.add(() -> ImgproxyOptions.builder().cacheBuster("a b"));
        for (Executable e : typed) {
            assertThrows(IllegalArgumentException.class, e);
        }
        ImgproxyRequest fromServer = new ImgproxyRequest(ImgproxyOptions.ofServerSegments(List.of("cb:%41")), "http://x/", "");
        refused("option segment", () -> BASE64.sign(fromServer));
    }

    @Test
    void sourceAndExtensionAreChecked() {
        refused("source URL is empty", () -> BASE64.sign(ImgproxyRequest.of("")));
        refused("unpaired surrogate", () -> BASE64.sign(ImgproxyRequest.of("http://x/\ud800")));
        refused("extension", () -> BASE64.sign(ImgproxyRequest.of("http://x/y").withExtension("p.ng")));
        refused("extension", () -> PLAIN.sign(ImgproxyRequest.of("http://x/y").withExtension("png@")));
        refused("extension", () -> BASE64.sign(ImgproxyRequest.of("http://x/y").withExtension("x".repeat(17))));
    }

    @Test
    void theBase64FormIsTheDefaultAndChunksOnRequest() {
        ImgproxyRequest r = ImgproxyRequest.of("http://example.com/images/curiosity.jpg").withExtension("png");
        assertEquals("/aHR0cDovL2V4YW1wbGUuY29tL2ltYWdlcy9jdXJpb3NpdHkuanBn.png", afterSignature(signedAndVerified(BASE64, r)));
        ImgproxySigner chunked = ImgproxySigner.builder(KEYS).salts(SALTS).base64ChunkLength(16).build();
        assertEquals("/aHR0cDovL2V4YW1w/bGUuY29tL2ltYWdl/cy9jdXJpb3NpdHku/anBn.png", afterSignature(signedAndVerified(chunked, r)));
        refused("base64ChunkLength", () -> ImgproxySigner.builder(KEYS).base64ChunkLength(-1));
    }

    @Test
    void chunksOrBase64ThatTheServerWouldMisreadAreAvoided() {
        // "~)e" is base64 "fill", a resize type: as a first segment the server answers 404.
        ImgproxySigner chunked = ImgproxySigner.builder(KEYS).salts(SALTS).base64ChunkLength(4).build();
        String url = signedAndVerified(chunked, ImgproxyRequest.of("~)exyz"));
        assertFalse(afterSignature(url).startsWith("/fill/"), url);
        assertEquals("/plain/~)e", afterSignature(signedAndVerified(BASE64, ImgproxyRequest.of("~)e"))));
    }

    @Test
    void thePlainFormEscapesWhatThePathUnescapeRestores() {
        assertEquals("/plain/https://u%40example.com/my%20image%25%40%5B1%5D%5C%C3%A9.jpg@png",
                afterSignature(signedAndVerified(PLAIN,
                        ImgproxyRequest.of("https://u@example.com/my image%@[1]\\\u00e9.jpg").withExtension("png"))));
        assertEquals("/plain/https://x/a%253Ab", afterSignature(signedAndVerified(PLAIN, ImgproxyRequest.of("https://x/a%3Ab"))));
        assertEquals("/plain/local:///i.jpg", afterSignature(signedAndVerified(PLAIN, ImgproxyRequest.of("local:///i.jpg"))));
    }

    @Test
    void plainSourcesThatCannotSurviveTheServerGoBase64() {
        for (String source : new String[] {"https://x/i.jpg?w=1", "https://x/i.jpg#f", "https://x/a:/b", "http:/x/y",
                "local:/i.jpg", "https://x/a:/b:/c"}) {
            String path = afterSignature(signedAndVerified(PLAIN, ImgproxyRequest.of(source)));
            assertFalse(path.startsWith("/plain/"), source + " -> " + path);
        }
    }

    @Test
    void baseUrlPathPrefixAndStringSigner() {
        ImgproxySigner s = ImgproxySigner.builder(KEYS).salts(SALTS).baseUrl("https://imgproxy.example.com//")
                .pathPrefix("/info").build();
        String url = s.sign(ImgproxyRequest.of("http://x/y"));
        assertTrue(url.startsWith("https://imgproxy.example.com/info/"), url);
        assertEquals(BASE64.sign(ImgproxyRequest.of("http://x/y")), url.substring("https://imgproxy.example.com/info".length()));
        refused("pathPrefix", () -> ImgproxySigner.builder(KEYS).pathPrefix("info"));
        refused("pathPrefix", () -> ImgproxySigner.builder(KEYS).pathPrefix("/info/"));
        refused("pathPrefix", () -> ImgproxySigner.builder(KEYS).pathPrefix("/in fo"));
        refused("baseUrl", () -> ImgproxySigner.builder(KEYS).baseUrl("https://x/?a"));
        ImgproxyOptions o = ImgproxyOptions.builder().width(100).build();
        UrlSigner<String> strings = PLAIN.forOptions(o);
        assertEquals(PLAIN.sign(ImgproxyRequest.of(o, "http://x/y")), strings.sign("http://x/y"));
    }
}
