package dev.imgsign.camo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.SigningKey;
import dev.imgsign.core.Verification;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Round trips, tamper detection and total verification, over arbitrary keys and URLs. */
class CamoPropertiesTest {
    private static final int BIG = 1 << 20;
    private static final String BASE64_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final String REPLACEMENTS = "0123456789abcdefABCDEFZz-_%/+=?&#.~ ";

    @Provide
    Arbitrary<KeySet> keys() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(100)
                .map(b -> KeySet.of(SigningKey.ofBytes(b)));
    }

    /** Code points a URL may carry: printable ASCII but '%', and non-ASCII up to the astral planes. */
    private static Arbitrary<String> text(int max) {
        Arbitrary<Integer> cp = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0x20, 0x7e).filter(c -> c != '%')),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0xa0, 0xd7ff)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0xe000, 0xfffc)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10ffff)));
        return cp.list().ofMaxSize(max).map(list -> {
            StringBuilder b = new StringBuilder();
            list.forEach(b::appendCodePoint);
            return b.toString();
        });
    }

    @Provide
    Arbitrary<String> urls() {
        Arbitrary<String> scheme = Arbitraries.of("http://", "https://", "HTTP://", "Https://");
        Arbitrary<String> host = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-")
                .ofMinLength(1).ofMaxLength(20).list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l));
        Arbitrary<String> port = Arbitraries.of("", ":8080", ":");
        Arbitrary<String> path = Arbitraries.oneOf(text(30), text(600));
        Arbitrary<String> query = Arbitraries.oneOf(Arbitraries.just(""), text(40).map(q -> "?" + q));
        Arbitrary<String> fragment = Arbitraries.oneOf(Arbitraries.just(""), text(20).map(f -> "#" + f));
        return Combinators.combine(scheme, host, port, path, query, fragment)
                .as((s, h, p, pa, q, f) -> s + h + p + "/" + pa.replace("#", "").replace("?", "") + q + f);
    }

    @Property(tries = 300)
    void signThenVerifyReturnsTheUrlInEveryEncodingAndDialect(@ForAll("keys") KeySet keys, @ForAll("urls") String url) {
        for (CamoEncoding encoding : CamoEncoding.values()) {
            String signed = CamoSigner.builder(keys).encoding(encoding).build().sign(url);
            for (CamoDialect dialect : CamoDialect.values()) {
                if (!dialect.accepts(encoding)) {
                    continue;
                }
                CamoVerifier verifier = CamoVerifier.builder(keys).dialect(dialect).maxLength(BIG).build();
                Verification<String> result = verifier.verify(signed);
                assertEquals(new Verification.Accepted<>(url, 0, ""), result, encoding + " " + dialect);
            }
        }
    }

    @Property(tries = 1500)
    void anySingleCharacterChangeIsRejectedBarDocumentedEquivalents(
            @ForAll("keys") KeySet keys, @ForAll("urls") String url,
            @ForAll @IntRange(min = 0, max = 3) int mode, @ForAll @IntRange(min = 0, max = 100_000) int position,
            @ForAll @IntRange(min = 0, max = 100) int replacementIndex) {
        CamoEncoding encoding = List.of(CamoEncoding.HEX, CamoEncoding.BASE64, CamoEncoding.HEX, CamoEncoding.QUERY)
                .get(mode);
        CamoDialect dialect = mode <= 1 ? CamoDialect.GO_CAMO : CamoDialect.ATMOS_CAMO;
        String signed = CamoSigner.builder(keys).encoding(encoding).build().sign(url);
        // Mutate the digest or the encoded URL (not the "/" or "?url=" between them).
        int separator = encoding == CamoEncoding.QUERY ? signed.indexOf('?') : signed.indexOf('/', 1);
        int valueStart = encoding == CamoEncoding.QUERY ? separator + 5 : separator + 1;
        int span = (separator - 1) + (signed.length() - valueStart);
        int offset = position % span;
        int index = offset < separator - 1 ? 1 + offset : valueStart + offset - (separator - 1);
        char original = signed.charAt(index);
        char replacement = REPLACEMENTS.charAt(replacementIndex % REPLACEMENTS.length());
        if (replacement == original) {
            replacement = original == 'Z' ? 'z' : 'Z';
        }
        String mutated = signed.substring(0, index) + replacement + signed.substring(index + 1);
        Verification<String> result = CamoVerifier.builder(keys).dialect(dialect).maxLength(BIG).build()
                .verify(mutated);
        boolean equivalent = equivalent(dialect, encoding, signed, index, original, replacement, separator, valueStart);
        if (equivalent) {
            assertEquals(url, result.acceptedRequest().orElse(null), "documented equivalent: " + mutated);
        } else {
            assertFalse(result.isAccepted(), "accepted a changed URL: " + mutated);
        }
    }

    /** The changes the peers treat as no change, as the README documents. */
    private static boolean equivalent(CamoDialect dialect, CamoEncoding encoding, String signed, int index,
            char original, char replacement, int separator, int valueStart) {
        switch (encoding) {
            case HEX:
                // go-camo decodes hex in either case; atmos/camo demands lowercase.
                return dialect == CamoDialect.GO_CAMO && Character.toLowerCase(replacement) == original;
            case BASE64: {
                int segmentEnd = index < separator ? separator : signed.length();
                int segmentStart = index < separator ? 1 : valueStart;
                if (index != segmentEnd - 1 || BASE64_ALPHABET.indexOf(replacement) < 0) {
                    return false;
                }
                int tail = (segmentEnd - segmentStart) % 4;
                int unusedBits = tail == 2 ? 4 : tail == 3 ? 2 : 0;
                return BASE64_ALPHABET.indexOf(original) >> unusedBits == BASE64_ALPHABET.indexOf(replacement) >> unusedBits;
            }
            case QUERY:
                // Hex digits of a %XX escape decode alike in either case.
                return index >= valueStart && Character.toLowerCase(original) == Character.toLowerCase(replacement)
                        && isPercentHexDigit(signed, index);
            default:
                return false;
        }
    }

    private static boolean isPercentHexDigit(String s, int index) {
        return (index >= 1 && s.charAt(index - 1) == '%') || (index >= 2 && s.charAt(index - 2) == '%');
    }

    @Provide
    Arbitrary<String> targets() {
        Arbitrary<String> any = Arbitraries.strings().ofMaxLength(300);
        Arbitrary<String> camoish = Arbitraries.strings().withChars("/0123456789abcdefABCDEF%?=&url+\\#-_.\n:")
                .ofMaxLength(200);
        Arbitrary<String> prefixed = Arbitraries.strings().withChars("0123456789abcdefDEF%2Fu=?&+-_")
                .ofMaxLength(120).map(s -> "/0f6def1cb147b0e84f39cbddc5ea10c80253a6f3/" + s);
        return Arbitraries.oneOf(any, camoish, prefixed, Arbitraries.just(null));
    }

    @Property(tries = 3000)
    void verifyNeverThrowsOnArbitraryInput(@ForAll("targets") String target) {
        KeySet keys = KeySet.ofUtf8("test");
        for (CamoDialect dialect : CamoDialect.values()) {
            for (boolean strict : new boolean[] {false, true}) {
                Verification<String> result = CamoVerifier.builder(keys).dialect(dialect)
                        .rejectPrivateAddresses(strict).build().verify(target);
                assertNotNull(result);
                if (result instanceof Verification.Rejected<String> r) {
                    assertFalse(r.detail().isBlank());
                }
            }
        }
    }

    @Property(tries = 500)
    void verifyNeverThrowsOnSignedUrlsOfArbitraryText(@ForAll("keys") KeySet keys, @ForAll String anything) {
        // The verifier MACs first, so arbitrary signed text reaches the URL checks after it.
        for (CamoDialect dialect : CamoDialect.values()) {
            CamoVerifier verifier = CamoVerifier.builder(keys).dialect(dialect).maxLength(BIG)
                    .rejectPrivateAddresses(true).build();
            byte[] bytes = anything.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] mac = dev.imgsign.core.spi.HmacKeyRing.of(dev.imgsign.core.spi.HmacAlgorithm.SHA1, keys).sign(bytes);
            String target = "/" + java.util.HexFormat.of().formatHex(mac) + "/" + java.util.HexFormat.of().formatHex(bytes);
            assertNotNull(verifier.verify(target));
        }
    }
}
