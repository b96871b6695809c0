package dev.imgsign.imageproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ImageproxyOptionsPropertiesTest {

    @Provide
    Arbitrary<ImageproxyOptions> options() {
        return OptionsArbitraries.options();
    }

    @Property(tries = 500)
    void parsingTheCanonicalFormGivesTheSameOptions(@ForAll("options") ImageproxyOptions o) {
        assertEquals(o, ImageproxyOptions.parse(o.toString()));
    }

    @Property(tries = 300)
    void canonicalFormDoesNotDependOnTokenOrder(@ForAll("options") ImageproxyOptions o, @ForAll long seed) {
        List<String> tokens = new ArrayList<>(List.of(o.toString().split(",")));
        Collections.shuffle(tokens, new Random(seed));
        assertEquals(o.toString(), ImageproxyOptions.parse(String.join(",", tokens)).toString());
    }

    @Property(tries = 1000)
    void canonicalTextEqualsTheSortedTokens(@ForAll("options") ImageproxyOptions o) {
        assertEquals(o.canonicalBySorting(false), o.canonicalWithoutSignature());
        assertEquals(o.canonicalBySorting(true), o.toString());
    }

    /** Numbers at each digit-count boundary (and any long) print as the reference prints them. */
    @Property(tries = 1000)
    void numbersAtDigitBoundariesPrintAsTheReferencePrintsThem(@ForAll("boundaryNumbers") long n) {
        for (String text : new String[] {"vu" + n, "q" + n, "r" + n, "cx" + n + ",cw" + n, n + "x" + n}) {
            ImageproxyOptions o = ImageproxyOptions.parse(text);
            assertEquals(o.canonicalBySorting(false), o.canonicalWithoutSignature(), text);
        }
    }

    @Provide
    Arbitrary<Long> boundaryNumbers() {
        Arbitrary<Long> powers = Arbitraries.integers().between(0, 18).map(k -> {
            long p = 1;
            for (int i = 0; i < k; i++) {
                p *= 10;
            }
            return p;
        });
        return Arbitraries.oneOf(powers.flatMap(p -> Arbitraries.of(p - 1, p, p + 1, -p, -p + 1)),
                Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, (long) Integer.MAX_VALUE,
                        Integer.MAX_VALUE + 1L, (long) Integer.MIN_VALUE),
                Arbitraries.longs());
    }

    @Provide
    Arbitrary<String> optionTexts() {
        Arbitrary<String> token = Arbitraries.oneOf(
                Arbitraries.of("", "fit", "fv", "fh", "scaleUp", "jpeg", "png", "tiff", "sc", "trim", "r", "q", "s",
                        "cx", "vu", "x", "fitx", "scx", "rx", "vu-1", "vu+5", "q+7", "r-90", "1e3", "-0", "0x0", "max"),
                Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(22)
                        .flatMap(d -> Arbitraries.of("", "r", "q", "vu", "cx", "cy", "cw", "ch", "s", "x", "-")
                                .map(prefix -> prefix + d)),
                Arbitraries.strings().withChars("0123456789x.e+-").ofMaxLength(10),
                Arbitraries.strings().withChars("fitvhscaleUpjngrmqxyuw0159.,").ofMaxLength(8));
        return token.list().ofMaxSize(6).map(tokens -> String.join(",", tokens));
    }

    @Property(tries = 3000)
    void parseEqualsTheTokenByTokenReference(@ForAll("optionTexts") String text) {
        ImageproxyOptions expected = ImageproxyOptions.parseByTokens(text);
        ImageproxyOptions actual = ImageproxyOptions.parse(text);
        assertEquals(expected, actual, text);
        assertEquals(expected.toString(), actual.toString(), text);
        assertEquals(expected.canonicalBySorting(false), actual.canonicalWithoutSignature(), text);
    }

    @Property(tries = 2000)
    void parseOfARangeEqualsTheReferenceOnTheSubstring(@ForAll("optionTexts") String text,
            @ForAll @net.jqwik.api.constraints.IntRange(max = 40) int a, @ForAll @net.jqwik.api.constraints.IntRange(max = 40) int b,
            @ForAll("optionTexts") String around) {
        String s = around + text + "," + around;
        int from = Math.min(a, s.length());
        int to = Math.max(from, Math.min(b, s.length()));
        ImageproxyOptions expected = ImageproxyOptions.parseByTokens(s.substring(from, to));
        assertEquals(expected, ImageproxyOptions.parse(s, from, to), s + " [" + from + ", " + to + ")");
        assertEquals(expected.canonicalBySorting(false), ImageproxyOptions.parse(s, from, to).canonicalWithoutSignature());
    }

    @Property(tries = 1000)
    void parseEqualsTheReferenceOnAnyText(@ForAll String any) {
        assertEquals(ImageproxyOptions.parseByTokens(any), ImageproxyOptions.parse(any), any);
    }

    @Property(tries = 1000)
    void parseNeverThrows(@ForAll String any) {
        ImageproxyOptions.parse(any).toString();
    }
}
