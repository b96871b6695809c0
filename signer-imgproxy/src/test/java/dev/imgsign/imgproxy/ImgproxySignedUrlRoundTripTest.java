package dev.imgsign.imgproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.spi.SchemeConfig;
import dev.imgsign.core.SigningKey;
import dev.imgsign.core.Verification;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** A verifier given its signer's base URL accepts what the signer returned, and the bare request target. */
class ImgproxySignedUrlRoundTripTest {
    private static final KeySet KEYS = ImgproxyKeys.hexList("keys", "736563726574");
    private static final KeySet SALTS = ImgproxyKeys.hexList("salts", "68656C6C6F");

    @Provide
    Arbitrary<String> baseUrls() {
        Arbitrary<String> host = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-")
                .ofMinLength(1).ofMaxLength(12).list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(".", l));
        return Combinators.combine(Arbitraries.of("https://", "http://"), host, Arbitraries.of("", ":8080"),
                Arbitraries.of("", "/", "//")).as((s, h, po, sl) -> s + h + po + sl);
    }

    @Provide
    Arbitrary<String> sources() {
        Arbitrary<String> host = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789")
                .ofMinLength(1).ofMaxLength(15).map(h -> h + ".example.com");
        Arbitrary<String> path = Arbitraries.strings().ascii().ofMaxLength(40)
                .map(p -> p.replaceAll("[^A-Za-z0-9/._~-]", ""));
        return Combinators.combine(Arbitraries.of("http://", "https://", "s3://"), host, path)
                .as((s, h, p) -> s + h + "/" + p);
    }

    @Property(tries = 200)
    void verifyAcceptsWhatTheSignerReturnedAndTheRequestTarget(@ForAll("baseUrls") String baseUrl,
            @ForAll("sources") String source, @ForAll("pathPrefixes") String pathPrefix,
            @ForAll("forms") ImgproxySigner.SourceForm form) {
        ImgproxyRequest request = ImgproxyRequest.of(ImgproxyOptions.builder().raw("rs:fill:300:400").build(), source);
        ImgproxySigner signer = ImgproxySigner.builder(KEYS).salts(SALTS).baseUrl(baseUrl).pathPrefix(pathPrefix)
                .sourceForm(form).build();
        String signed = signer.sign(request);
        String base = baseUrl.replaceAll("/+$", "");
        String target = signed.substring(base.length());
        for (ImgproxyServerVersion version : ImgproxyServerVersion.values()) {
            ImgproxyVerifier verifier = ImgproxyVerifier.builder(KEYS).salts(SALTS).baseUrl(baseUrl).pathPrefix(pathPrefix)
                    .serverVersion(version).build();
            Verification<ImgproxyRequest> expected = new Verification.Accepted<>(request, 0, "");
            assertEquals(expected, verifier.verify(signed), version + " " + signed);
            assertEquals(expected, verifier.verify(target), version + " " + target);
        }
    }

    @Provide
    Arbitrary<String> pathPrefixes() {
        return Arbitraries.of("", "/imgproxy", "/a/b");
    }

    @Provide
    Arbitrary<ImgproxySigner.SourceForm> forms() {
        return Arbitraries.of(ImgproxySigner.SourceForm.values());
    }

    @Property(tries = 100)
    void aUrlWithAnotherPrefixIsRefused(@ForAll("baseUrls") String baseUrl, @ForAll("sources") String source) {
        ImgproxySigner signer = ImgproxySigner.builder(KEYS).salts(SALTS).baseUrl(baseUrl).build();
        String base = baseUrl.replaceAll("/+$", "");
        String target = signer.sign(ImgproxyRequest.of(source)).substring(base.length());
        ImgproxyVerifier verifier = ImgproxyVerifier.builder(KEYS).salts(SALTS).baseUrl(baseUrl).build();
        for (String other : new String[] {"https://other.example.net" + target, base + ".evil" + target,
                base.toUpperCase(Locale.ROOT) + "X" + target}) {
            assertInstanceOf(Verification.Rejected.class, verifier.verify(other), other);
        }
    }

    @Test
    void withoutTheBaseUrlAFullUrlIsMalformedAndTheMessageSaysWhatToDo() {
        String signed = ImgproxySigner.builder(KEYS).salts(SALTS).baseUrl("https://imgproxy.example.com").build()
                .sign(ImgproxyRequest.of("http://a.example/x.jpg"));
        Verification<ImgproxyRequest> result = ImgproxyVerifier.builder(KEYS).salts(SALTS).build().verify(signed);
        Verification.Rejected<?> rejected = assertInstanceOf(Verification.Rejected.class, result);
        assertEquals(Rejection.MALFORMED, rejected.reason());
        assertTrue(rejected.detail().contains("signer's baseUrl"), rejected.detail());
    }

    @Test
    void theSchemeProviderPassesTheBaseUrlToTheVerifier() {
        SchemeConfig config = SchemeConfig.builder().keys(KeySet.of(SigningKey.ofHex("736563726574")))
                .option("salts", "68656C6C6F").option("baseUrl", "https://imgproxy.example.com/").build();
        ImgproxySchemeProvider provider = new ImgproxySchemeProvider();
        String signed = provider.signer(config).sign(ImgproxyRequest.of("http://a.example/x.jpg"));
        assertTrue(provider.verifier(config).verify(signed).isAccepted(), signed);
    }
}
