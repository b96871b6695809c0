package dev.imgsign.camo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.spi.SchemeConfig;
import dev.imgsign.core.SigningKey;
import dev.imgsign.core.Verification;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** A verifier given its signer's prefix accepts what the signer returned, and the bare request target. */
class CamoSignedUrlRoundTripTest {
    private static final KeySet KEYS = KeySet.of(SigningKey.ofUtf8("round-trip-key"));

    @Provide
    Arbitrary<String> prefixes() {
        Arbitrary<String> host = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-")
                .ofMinLength(1).ofMaxLength(12).list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(".", l));
        Arbitrary<String> port = Arbitraries.of("", ":8443");
        Arbitrary<String> path = Arbitraries.of("", "/camo", "/a/b");
        Arbitrary<String> slash = Arbitraries.of("", "/", "//");
        return Combinators.combine(Arbitraries.of("https://", "http://"), host, port, path, slash)
                .as((s, h, po, pa, sl) -> s + h + po + pa + sl);
    }

    @Provide
    Arbitrary<String> urls() {
        Arbitrary<String> host = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789")
                .ofMinLength(1).ofMaxLength(15).map(h -> h + ".example.com");
        Arbitrary<String> path = Arbitraries.strings().ascii().ofMaxLength(40)
                .map(p -> p.replaceAll("[^A-Za-z0-9/._~-]", ""));
        return Combinators.combine(Arbitraries.of("http://", "https://"), host, path)
                .as((s, h, p) -> s + h + "/" + p);
    }

    @Property(tries = 200)
    void verifyAcceptsWhatTheSignerReturnedAndTheRequestTarget(@ForAll("prefixes") String prefix,
            @ForAll("urls") String url) {
        for (CamoEncoding encoding : CamoEncoding.values()) {
            CamoSigner signer = CamoSigner.builder(KEYS).prefix(prefix).encoding(encoding).build();
            String signed = signer.sign(url);
            String target = signed.substring(signer.prefix().length());
            for (CamoDialect dialect : CamoDialect.values()) {
                if (!dialect.accepts(encoding)) {
                    continue;
                }
                CamoVerifier verifier = CamoVerifier.builder(KEYS).dialect(dialect).prefix(prefix).build();
                Verification<String> expected = new Verification.Accepted<>(url, 0, "");
                assertEquals(expected, verifier.verify(signed), encoding + " " + dialect + " " + signed);
                assertEquals(expected, verifier.verify(target), encoding + " " + dialect + " " + target);
            }
        }
    }

    @Property(tries = 100)
    void aUrlWithAnotherPrefixIsRefused(@ForAll("prefixes") String prefix, @ForAll("urls") String url) {
        CamoSigner signer = CamoSigner.builder(KEYS).prefix(prefix).build();
        String target = signer.sign(url).substring(signer.prefix().length());
        for (CamoDialect dialect : CamoDialect.values()) {
            CamoVerifier verifier = CamoVerifier.builder(KEYS).dialect(dialect).prefix(prefix).build();
            for (String other : new String[] {"https://other.example.net" + target,
                    signer.prefix() + ".evil" + target, signer.prefix().toUpperCase(java.util.Locale.ROOT) + "X" + target}) {
                Verification<String> result = verifier.verify(other);
                assertInstanceOf(Verification.Rejected.class, result, other);
            }
        }
    }

    @Test
    void withoutThePrefixAFullUrlIsMalformedAndTheMessageSaysWhatToDo() {
        String signed = CamoSigner.builder(KEYS).prefix("https://img.example.org").build().sign("http://a.example/x");
        for (CamoDialect dialect : CamoDialect.values()) {
            Verification<String> result = CamoVerifier.builder(KEYS).dialect(dialect).build().verify(signed);
            Verification.Rejected<String> rejected = assertInstanceOf(Verification.Rejected.class, result);
            assertEquals(Rejection.MALFORMED, rejected.reason());
            assertTrue(rejected.detail().contains("signer's prefix"), rejected.detail());
        }
    }

    @Test
    void theSchemeProviderPassesThePrefixToTheVerifier() {
        SchemeConfig config = SchemeConfig.builder().keys(KEYS).option("prefix", "https://img.example.org/").build();
        CamoSchemeProvider provider = new CamoSchemeProvider();
        String signed = provider.signer(config).sign("http://a.example/x");
        assertEquals(new Verification.Accepted<>("http://a.example/x", 0, ""), provider.verifier(config).verify(signed));
    }
}
