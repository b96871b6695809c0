package dev.imgsign.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The edges of the percent decoder: digits next to the hex ranges, escapes cut by the range end. */
class PercentBoundaryTest {

    @Test
    void hexDigitsAndTheirNeighbours() {
        assertEquals(0, Percent.hexValue('0'));
        assertEquals(9, Percent.hexValue('9'));
        assertEquals(10, Percent.hexValue('a'));
        assertEquals(15, Percent.hexValue('f'));
        assertEquals(10, Percent.hexValue('A'));
        assertEquals(15, Percent.hexValue('F'));
        // The ASCII neighbours of each range: '/' ':' '`' 'g' '@' 'G'.
        for (char c : "/:`g@G \u0000\u00ff\uff10".toCharArray()) {
            assertEquals(-1, Percent.hexValue(c), "char " + (int) c);
        }
    }

    @Test
    void zeroIsAValidDigitInEitherPlace() {
        assertArrayEquals(new byte[] {0x0a, 0x00, (byte) 0xa0}, Percent.decode("%0a%00%A0", false));
    }

    @Test
    void anEscapeCutByTheEndOfTheRangeIsInvalidEvenIfTheStringGoesOn() {
        assertNull(Percent.decode("%41", 0, 2, false));
        assertNull(Percent.decode("x%41", 0, 3, false));
        assertArrayEquals(new byte[] {'A'}, Percent.decode("%41", 0, 3, false));
        assertArrayEquals(new byte[] {'A'}, Percent.decode("x%41y", 1, 4, false));
    }

    @Test
    void u0080IsTheFirstCharacterEncodedAsTwoBytes() {
        assertArrayEquals(new byte[] {0x7f}, Percent.decode("\u007f", false));
        assertArrayEquals(new byte[] {(byte) 0xc2, (byte) 0x80}, Percent.decode("\u0080", false));
    }

    @Test
    void aSurrogatePairCutByTheEndOfTheRangeIsNotDecodedWhole() {
        String pair = "😀";
        byte[] whole = Percent.decode(pair, 0, 2, false);
        assertArrayEquals(pair.getBytes(StandardCharsets.UTF_8), whole);
        byte[] cut = Percent.decode(pair, 0, 1, false);
        assertFalse(java.util.Arrays.equals(whole, cut), "the low surrogate lies outside the range");
        assertEquals(1, cut.length, "a lone surrogate has no UTF-8 form: one replacement byte");
    }

    @Test
    void hasEscapeLooksOnlyInsideTheRange() {
        assertTrue(Percent.hasEscape("a%b", 0, 3));
        assertTrue(Percent.hasEscape("a%b", 1, 2));
        assertFalse(Percent.hasEscape("a%b", 2, 3));
        assertFalse(Percent.hasEscape("a%b", 0, 1));
        assertFalse(Percent.hasEscape("", 0, 0));
    }
}
