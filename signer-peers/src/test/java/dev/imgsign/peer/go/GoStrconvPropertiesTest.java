package dev.imgsign.peer.go;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of our Go number model that hold for every input (the Go tables are in GoStrconvTest). */
class GoStrconvPropertiesTest {

    @Provide
    Arbitrary<Double> floats() {
        return Arbitraries.oneOf(
                Arbitraries.doubles(),
                Arbitraries.integers().between(0, 5000).map(Integer::doubleValue),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                        Double.MIN_VALUE, Double.MAX_VALUE, 1e6, 1e-5, 123456.7),
                Arbitraries.longs().map(Double::longBitsToDouble));
    }

    @Property(tries = 300)
    void formattedFloatsReadBackExactly(@ForAll("floats") double v) {
        double back = GoStrconv.parseFloat(GoStrconv.formatFloat(v)).value();
        assertEquals(Double.doubleToLongBits(v), Double.doubleToLongBits(back));
    }

    @Provide
    Arbitrary<String> digits() {
        return Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(17);
    }

    @Property(tries = 1000)
    void plainDigitsParseAsJavaReadsThem(@ForAll("digits") String digits) {
        GoStrconv.ParsedFloat parsed = GoStrconv.parseFloat(digits);
        assertEquals(Double.doubleToLongBits(Double.parseDouble(digits)), Double.doubleToLongBits(parsed.value()));
        assertTrue(parsed.ok());
        String token = "x" + digits + "y";
        assertEquals(Double.doubleToLongBits(parsed.value()),
                Double.doubleToLongBits(GoStrconv.floatValue(token, 1, token.length() - 1)));
    }

    @Property(tries = 1000)
    void numbersNeverThrow(@ForAll String any) {
        GoStrconv.parseFloat(any);
        GoStrconv.atoi(any);
        GoStrconv.parseInt64(any);
    }
}
