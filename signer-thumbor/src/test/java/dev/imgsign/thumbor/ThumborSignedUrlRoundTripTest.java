package dev.imgsign.thumbor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.spi.SchemeConfig;
import dev.imgsign.core.Verification;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** A verifier given its signer's prefix accepts what the signer returned, and the bare request target. */
class ThumborSignedUrlRoundTripTest {
    private static final KeySet KEYS = KeySet.ofUtf8("round-trip-key");

    @Provide
    Arbitrary<String> prefixes() {
        Arbitrary<String> host = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-")
                .ofMinLength(1).ofMaxLength(12).list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(".", l));
        return Combinators.combine(Arbitraries.of("https://", "http://"), host, Arbitraries.of("", ":8888"),
                Arbitraries.of("", "/thumbor", "/a/b"), Arbitraries.of("", "/", "//"))
                .as((s, h, po, pa, sl) -> s + h + po + pa + sl);
    }

    @Provide
    Arbitrary<String> images() {
        Arbitrary<String> host = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789")
                .ofMinLength(1).ofMaxLength(15).map(h -> h + ".example.com");
        Arbitrary<String> path = Arbitraries.strings().ascii().ofMaxLength(40)
                .map(p -> p.replaceAll("[^A-Za-z0-9/._~-]", ""));
        return Combinators.combine(Arbitraries.of("", "http://", "https://"), host, path)
                .as((s, h, p) -> s + h + "/" + p + ".jpg");
    }

    private static ThumborOptions options(int width, int height) {
        return ThumborOptions.builder().size(width, height).build();
    }

    @Property(tries = 200)
    void verifyAcceptsWhatTheSignerReturnedAndTheRequestTarget(@ForAll("prefixes") String prefix,
            @ForAll("images") String image, @ForAll @IntRange(max = 4000) int width,
            @ForAll @IntRange(max = 4000) int height) {
        ThumborSigner signer = ThumborSigner.builder(KEYS).prefix(prefix).build();
        String signed = signer.sign(options(width, height), image);
        String target = signed.substring(signer.prefix().length());
        ThumborVerifier verifier = ThumborVerifier.builder(KEYS).prefix(prefix).build();
        Verification<ThumborRequest> expected =
                new Verification.Accepted<>(ThumborRequest.of(options(width, height), image), 0, "");
        assertEquals(expected, verifier.verify(signed), signed);
        assertEquals(expected, verifier.verify(target), target);
    }

    @Property(tries = 100)
    void aUrlWithAnotherPrefixIsRefused(@ForAll("prefixes") String prefix, @ForAll("images") String image) {
        ThumborSigner signer = ThumborSigner.builder(KEYS).prefix(prefix).build();
        String target = signer.sign(ThumborOptions.NONE, image).substring(signer.prefix().length());
        ThumborVerifier verifier = ThumborVerifier.builder(KEYS).prefix(prefix).build();
        for (String other : new String[] {"https://other.example.net" + target, signer.prefix() + ".evil" + target,
                signer.prefix().toUpperCase(Locale.ROOT) + "X" + target}) {
            assertInstanceOf(Verification.Rejected.class, verifier.verify(other), other);
        }
    }

    @Test
    void withoutThePrefixAFullUrlIsMalformedAndTheMessageSaysWhatToDo() {
        String signed = ThumborSigner.builder(KEYS).prefix("https://thumbor.example.org").build()
                .sign(ThumborOptions.NONE, "a.example/x.jpg");
        Verification<ThumborRequest> result = ThumborVerifier.builder(KEYS).build().verify(signed);
        Verification.Rejected<?> rejected = assertInstanceOf(Verification.Rejected.class, result);
        assertEquals(Rejection.MALFORMED, rejected.reason());
        assertTrue(rejected.detail().contains("signer's prefix"), rejected.detail());
    }

    @Test
    void theSchemeProviderPassesThePrefixToTheVerifier() {
        SchemeConfig config = SchemeConfig.builder().keys(KEYS)
                .option("prefix", "https://thumbor.example.org/").build();
        ThumborSchemeProvider provider = new ThumborSchemeProvider();
        String signed = provider.signer(config).sign(ThumborOptions.NONE, "a.example/x.jpg");
        assertTrue(provider.verifier(config).verify(signed).isAccepted(), signed);
    }
}
