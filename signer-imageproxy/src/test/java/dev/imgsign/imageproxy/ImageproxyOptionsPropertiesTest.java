package dev.imgsign.imageproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
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

    @Property(tries = 1000)
    void parseNeverThrows(@ForAll String any) {
        ImageproxyOptions.parse(any).toString();
    }
}
