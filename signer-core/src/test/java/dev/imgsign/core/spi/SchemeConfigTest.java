package dev.imgsign.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The typed option accessors every provider reads its options through: one rule per kind of value. */
class SchemeConfigTest {
    private static SchemeConfig with(String name, String value) {
        return SchemeConfig.builder().option(name, value).build();
    }

    @Test
    void flagsAreTrueOrFalseInAnyAsciiCaseAndNothingElse() {
        assertTrue(with("f", "true").flag("f", false));
        assertTrue(with("f", " TRUE ").flag("f", false));
        assertFalse(with("f", "False").flag("f", true));
        assertTrue(SchemeConfig.builder().build().flag("f", true), "absent: the default");
        for (String bad : new String[] {"yes", "1", "", "tru", "ＴＲＵＥ", "true!"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> with("f", bad).flag("f", false), bad);
            assertTrue(e.getMessage().startsWith("option 'f'"), e.getMessage());
        }
    }

    @Test
    void numbersAreDecimalWithinTheirBounds() {
        assertEquals(42, with("n", " 42 ").number("n", 0, 1, 100));
        assertEquals(7, SchemeConfig.builder().build().number("n", 7, 1, 100));
        assertThrows(IllegalArgumentException.class, () -> with("n", "0").number("n", 7, 1, 100));
        assertThrows(IllegalArgumentException.class, () -> with("n", "101").number("n", 7, 1, 100));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> with("n", "4k").number("n", 7, 1, 100));
        assertTrue(e.getMessage().startsWith("option 'n'"), e.getMessage());
    }

    @Test
    void choicesAreExactAfterStrippingSpaces() {
        assertEquals("hex", with("c", " hex").choice("c", "base64", Set.of("hex", "base64")));
        assertEquals("base64", SchemeConfig.builder().build().choice("c", "base64", Set.of("hex", "base64")));
        assertThrows(IllegalArgumentException.class, () -> with("c", "HEX").choice("c", "base64", Set.of("hex")));
    }

    @Test
    void listsAreCommaSeparatedTrimmedWithoutEmptyItems() {
        assertEquals(List.of("a.example", "b.example"), with("l", " a.example,, b.example ,").list("l"));
        assertEquals(List.of(), SchemeConfig.builder().build().list("l"));
    }

    @Test
    void unknownOptionsAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> with("prefx", "/camo").requireOnlyOptions("camo", Set.of("prefix")));
        assertTrue(e.getMessage().contains("'prefx'"), e.getMessage());
    }
}
