package dev.imgsign.imgproxy;

import dev.imgsign.core.SigningKey;
import dev.imgsign.core.KeySet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.Verification;
import dev.imgsign.peer.go.GoBase64;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/** Round trips, tamper detection and total verification over arbitrary keys, options and sources. */
class ImgproxyPropertiesTest {
    private static final String REPLACEMENTS = "0123456789abcdefABCDEFZz-_%/+=?&#.~:@ \u00e9";

    @Provide
    Arbitrary<ImgproxyKeys> keys() {
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(64);
        return Combinators.combine(bytes, bytes, bytes, bytes, Arbitraries.integers().between(1, 2))
                .as((k1, s1, k2, s2, n) -> n == 1
                        ? ImgproxyKeys.of(KeySet.of(SigningKey.ofBytes(k1)), KeySet.of(SigningKey.ofBytes(s1)))
                        : ImgproxyKeys.of(KeySet.of(SigningKey.ofBytes(k2), SigningKey.ofBytes(k1)),
                                KeySet.of(SigningKey.ofBytes(s2), SigningKey.ofBytes(s1))));
    }

    private static Arbitrary<String> text(int max) {
        Arbitrary<Integer> cp = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.integers().between(0x21, 0x7e)),
                Tuple.of(1, Arbitraries.of(0x20, 0x09, 0x7f, 0x00)),
                Tuple.of(2, Arbitraries.integers().between(0xa0, 0xd7ff)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10ffff)));
        return cp.list().ofMaxSize(max).map(list -> {
            StringBuilder b = new StringBuilder();
            list.forEach(b::appendCodePoint);
            return b.toString();
        });
    }

    @Provide
    Arbitrary<String> sources() {
        Arbitrary<String> scheme = Arbitraries.of("http://", "https://", "s3://", "local:///", "http:/", "");
        Arbitrary<String> host = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-.:@[]")
                .ofMinLength(1).ofMaxLength(20);
        return Combinators.combine(scheme, host, text(60)).as((s, h, p) -> s + h + "/" + p);
    }

    @Provide
    Arbitrary<ImgproxyOptions> options() {
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.of("rs:fill:300:400", "w:100", "h:0", "g:sm", "q:80", "f:webp", "dpr:1.5", "ex:1:so",
                        "el:1", "pr:thumb", "cb:v1", "pd:1:2:3:4", "bg:ff0000"),
                Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@")
                        .ofMinLength(0).ofMaxLength(12).map(s -> "x:" + s));
        return segment.list().ofMaxSize(6).map(list -> {
            ImgproxyOptions.Builder b = ImgproxyOptions.builder();
            list.forEach(b::raw);
            return b.build();
        });
    }

    @Provide
    Arbitrary<ImgproxySigner> signers() {
        return signers(Arbitraries.of(32, 32, 8, 1, 17));
    }

    /** No 1-byte MACs: one tamper in 256 collides with those, as it would on the server. */
    @Provide
    Arbitrary<ImgproxySigner> strongSigners() {
        return signers(Arbitraries.of(32, 32, 8, 17));
    }

    private Arbitrary<ImgproxySigner> signers(Arbitrary<Integer> sizes) {
        return Combinators.combine(keys(), Arbitraries.of(ImgproxySigner.SourceForm.values()),
                Arbitraries.of(0, 0, 1, 4, 16), sizes, Arbitraries.of("", "", "/info", "/a/b"))
                .as((k, form, chunk, size, prefix) -> ImgproxySigner.builder(k.keySet()).salts(k.saltSet()).sourceForm(form)
                        .base64ChunkLength(chunk).signatureSize(size).pathPrefix(prefix).build());
    }

    private static ImgproxyVerifier verifierFor(ImgproxySigner signer, ImgproxyServerVersion version) {
        return ImgproxyVerifier.builder(signer.keys().keySet()).salts(signer.keys().saltSet()).signatureSize(signer.signatureSize())
                .pathPrefix(signer.pathPrefix()).serverVersion(version).maxLength(1 << 20).build();
    }

    @Property(tries = 400)
    void signThenVerifyReturnsTheRequestOnBothServerVersions(@ForAll("signers") ImgproxySigner signer,
            @ForAll("options") ImgproxyOptions options, @ForAll("sources") String source,
            @ForAll("extensions") String extension) {
        ImgproxyRequest request = new ImgproxyRequest(options, source, extension);
        String url = signer.sign(request);
        for (ImgproxyServerVersion version : ImgproxyServerVersion.values()) {
            Verification<ImgproxyRequest> v = verifierFor(signer, version).verify(url);
            assertEquals(new Verification.Accepted<>(request, 0, ""), v, url);
        }
    }

    @Property(tries = 1000)
    void theBase64FastPathAgreesWithTheFullServerCheck(@ForAll("options") ImgproxyOptions options,
            @ForAll("sources") String source, @ForAll("extensions") String extension, @ForAll("base64Words") String word) {
        for (String s : new String[] {source, word}) {
            if (s.isEmpty() || s.codePoints().anyMatch(c -> c >= 0xd800 && c <= 0xdfff)) {
                continue;
            }
            String base64 = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder path = new StringBuilder();
            options.segments().forEach(seg -> path.append('/').append(seg));
            path.append('/').append(base64).append(extension.isEmpty() ? "" : "." + extension);
            ImgproxyRequest request = new ImgproxyRequest(options, s, extension);
            boolean reference = path.toString().equals(ImgproxySigner.survives(path.toString(), request));
            assertEquals(reference, ImgproxySigner.unchunkedBase64Survives(options, base64, extension), path::toString);
        }
    }

    /** Sources whose base64 is a resize type, the fast path's one exception. */
    @Provide
    Arbitrary<String> base64Words() {
        return Arbitraries.of("fit", "fill", "auto", "force", "fill-down", "plain", "info").map(w -> {
            byte[] b = java.util.Base64.getUrlDecoder().decode(w.length() % 4 == 1 ? w + "A" : w);
            return new String(b, StandardCharsets.ISO_8859_1);
        });
    }

    @Provide
    Arbitrary<String> extensions() {
        return Arbitraries.of("", "", "png", "webp", "JPG", "avif");
    }

    @Property(tries = 1500)
    void anySingleCharacterChangeIsRejectedBarUnusedSignatureBits(@ForAll("strongSigners") ImgproxySigner signer,
            @ForAll("options") ImgproxyOptions options, @ForAll("sources") String source,
            @ForAll @IntRange(min = 0, max = 100_000) int position, @ForAll @IntRange(min = 0, max = 100) int pick,
            @ForAll boolean v3) {
        ImgproxyRequest request = new ImgproxyRequest(options, source, "");
        String url = signer.sign(request);
        int at = position % url.length();
        char replacement = REPLACEMENTS.charAt(pick % REPLACEMENTS.length());
        if (url.charAt(at) == replacement) {
            return;
        }
        String tampered = url.substring(0, at) + replacement + url.substring(at + 1);
        Verification<ImgproxyRequest> v = verifierFor(signer, v3 ? ImgproxyServerVersion.V3 : ImgproxyServerVersion.V4)
                .verify(tampered);
        if (v.isAccepted()) {
            // Only the unused low bits of the signature's last character may change: same MAC bytes, same request.
            int sigStart = signer.pathPrefix().length() + 1;
            int sigEnd = url.indexOf('/', sigStart);
            assertEquals(sigEnd - 1, at, () -> url + " -> " + tampered);
            assertTrue(Arrays.equals(decode(url.substring(sigStart, sigEnd)), decode(tampered.substring(sigStart, sigEnd))));
            assertEquals(request, v.orElseThrow());
        }
    }

    private static byte[] decode(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return GoBase64.decodeRawUrl(b, 0, b.length);
    }

    @Property(tries = 1000)
    void verifyNeverThrowsAndAnswersAServerStatus(@ForAll("targets") String target, @ForAll boolean v3) {
        ImgproxyVerifier verifier = ImgproxyVerifier.builder(ImgproxyKeys.hexList("keys", "736563726574"))
                .salts(ImgproxyKeys.hexList("salts", "68656C6C6F"))
                .serverVersion(v3 ? ImgproxyServerVersion.V3 : ImgproxyServerVersion.V4)
                .trustedSignatures(List.of("trusted")).build();
        Verification<ImgproxyRequest> v = verifier.verify(target);
        assertNotNull(v);
        if (v instanceof Verification.Rejected<ImgproxyRequest> r) {
            assertTrue(List.of(400, 403, 404, 414, 500).contains(r.httpStatus()), r.toString());
            assertFalse(r.detail().isEmpty());
        }
    }

    @Provide
    Arbitrary<String> targets() {
        Arbitrary<String> pieces = Arbitraries.oneOf(text(20), Arbitraries.of("/", "//", "plain/", "/plain/", "%3A", "%3a",
                ":/", "?", "@", ".", "insecure", "_", "trusted", "oKfUtW34Dvo2BGQehJFR4Nr0_rIjOtdtzJ3QFsUcXH8", "rs:fill:1:1",
                "aHR0cDovL2V4YW1wbGUuY29tL2kuanBn", "%", "%zz", "local:/", "http:/x", "\ud800"));
        return pieces.list().ofMaxSize(12).map(l -> String.join("", l));
    }
}
