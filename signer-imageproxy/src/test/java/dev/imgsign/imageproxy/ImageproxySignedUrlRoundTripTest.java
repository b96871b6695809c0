package dev.imgsign.imageproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.spi.SchemeConfig;
import dev.imgsign.core.Verification;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** A verifier given its signer's base URL accepts what the signer returned, and the bare request target. */
class ImageproxySignedUrlRoundTripTest {
    private static final KeySet KEYS = KeySet.ofUtf8("round-trip-key");
    private static final ImageproxyOptions OPTIONS = ImageproxyOptions.parse("100x150");

    @Provide
    Arbitrary<String> baseUrls() {
        Arbitrary<String> host = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-")
                .ofMinLength(1).ofMaxLength(12).list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(".", l));
        return Combinators.combine(Arbitraries.of("https://", "http://"), host, Arbitraries.of("", ":8080"),
                Arbitraries.of("", "/imageproxy", "/a/b"), Arbitraries.of("", "/", "//"))
                .as((s, h, po, pa, sl) -> s + h + po + pa + sl);
    }

    @Provide
    Arbitrary<String> remoteUrls() {
        Arbitrary<String> host = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789")
                .ofMinLength(1).ofMaxLength(15).map(h -> h + ".example.com");
        Arbitrary<String> path = Arbitraries.strings().ascii().ofMaxLength(40)
                .map(p -> p.replaceAll("[^A-Za-z0-9/._~-]", ""));
        return Combinators.combine(Arbitraries.of("http://", "https://"), host, path)
                .as((s, h, p) -> s + h + "/" + p);
    }

    @Property(tries = 200)
    void verifyAcceptsWhatTheSignerReturnedAndTheRequestTarget(@ForAll("baseUrls") String baseUrl,
            @ForAll("remoteUrls") String remote, @ForAll boolean base64) {
        ImageproxySigner signer = ImageproxySigner.builder(KEYS).baseUrl(baseUrl)
                .remoteUrlForm(base64 ? ImageproxySigner.RemoteUrlForm.BASE64 : ImageproxySigner.RemoteUrlForm.RAW)
                .build();
        String signed = signer.sign(remote, OPTIONS);
        ImageproxyVerifier verifier = ImageproxyVerifier.builder(KEYS).baseUrl(baseUrl).build();
        String target = signed.substring(verifier.baseUrl().length());
        Verification<ImageproxyRequest> full = verifier.verify(signed);
        assertTrue(full.isAccepted(), () -> signed + " -> " + full);
        assertEquals(full, verifier.verify(target), target);
        assertEquals(full, verifier.verifyReference(signed, null), "fast path against reference");
    }

    @Property(tries = 100)
    void anotherPathIsRefusedAndAbsoluteFormTargetsAreDecidedAsBefore(@ForAll("baseUrls") String baseUrl,
            @ForAll("remoteUrls") String remote) {
        ImageproxySigner signer = ImageproxySigner.builder(KEYS).baseUrl(baseUrl).build();
        ImageproxyVerifier verifier = ImageproxyVerifier.builder(KEYS).baseUrl(baseUrl).build();
        ImageproxyVerifier withoutBase = ImageproxyVerifier.builder(KEYS).build();
        String base = verifier.baseUrl();
        String target = signer.sign(remote, OPTIONS).substring(base.length());
        String otherPath = base + "/x" + target;
        assertFalse(verifier.verify(otherPath).isAccepted(), otherPath);
        // Not our prefix: decided exactly as without a base URL (Go's server reads absolute-form targets
        // whatever their host, so a same-path URL on another host is accepted there and here).
        for (String other : new String[] {"https://other.example.net" + target, base + ".evil" + target}) {
            assertEquals(withoutBase.verify(other), verifier.verify(other), other);
        }
    }

    @Test
    void theSchemeProviderPassesTheBaseUrlToTheVerifier() {
        SchemeConfig config = SchemeConfig.builder().keys(KEYS)
                .option("baseUrl", "https://img.example.com/imageproxy/").build();
        ImageproxySchemeProvider provider = new ImageproxySchemeProvider();
        String signed = provider.signer(config).sign("http://a.example/x.jpg", OPTIONS);
        assertTrue(signed.startsWith("https://img.example.com/imageproxy/"), signed);
        assertTrue(provider.verifier(config).verify(signed).isAccepted(), signed);
        SchemeConfig withoutBase = SchemeConfig.builder().keys(KEYS).build();
        assertFalse(provider.verifier(withoutBase).verify(signed).isAccepted(), "the path holds /imageproxy");
    }
}
