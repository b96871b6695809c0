package dev.imgsign.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class AsciiTest {

    @Test
    void nonAsciiLettersNeverMatchAsciiOnes() {
        // Each of these folds onto an ASCII letter under String.equalsIgnoreCase or toLowerCase().
        assertTrue("httpſ:".regionMatches(true, 0, "https:", 0, 6), "the JDK folds ſ onto s");
        assertFalse(Ascii.startsWithIgnoreCase("httpſ://x", "https:"));
        assertFalse(Ascii.equalsIgnoreCase("gıthub", "github"));
        assertFalse(Ascii.equalsIgnoreCase("GİTHUB", "github"));
        assertFalse(Ascii.equalsIgnoreCase("\u212Aelvin", "kelvin"));
        assertFalse(Ascii.regionMatchesIgnoreCase("xx\u017F", 2, "S", 0, 1));
        assertEquals("\u212Aelvin-ıİſ", Ascii.toLowerCase("\u212AELVIN-ıİſ"));
    }

    @Test
    void asciiLettersMatchInEitherCase() {
        assertTrue(Ascii.startsWithIgnoreCase("HTTPS://x", "https:"));
        assertTrue(Ascii.equalsIgnoreCase("LocalHost", "localhost"));
        assertTrue(Ascii.regionMatchesIgnoreCase("a-B-c", 2, "xb", 1, 1));
        assertEquals("abc-xyz-09[]", Ascii.toLowerCase("ABC-XyZ-09[]"));
    }

    @Test
    void unchangedStringsAreReturnedAsTheyAre() {
        String s = "already lower ı";
        assertSame(s, Ascii.toLowerCase(s));
    }

    @Test
    void outOfBoundsRegionsDoNotMatch() {
        assertFalse(Ascii.regionMatchesIgnoreCase("abc", -1, "abc", 0, 1));
        assertFalse(Ascii.regionMatchesIgnoreCase("abc", 0, "abc", -1, 1));
        assertFalse(Ascii.regionMatchesIgnoreCase("abc", 2, "abc", 0, 2));
        assertFalse(Ascii.regionMatchesIgnoreCase("abc", 0, "ab", 0, 3));
        assertFalse(Ascii.regionMatchesIgnoreCase("abc", Integer.MAX_VALUE, "abc", 0, 2));
        assertFalse(Ascii.startsWithIgnoreCase("ht", "http"));
        assertFalse(Ascii.equalsIgnoreCase("ab", "abc"));
        assertTrue(Ascii.regionMatchesIgnoreCase("abc", 3, "", 0, 0));
    }

    /** On ASCII input the helpers agree with the JDK's case-insensitive comparison. */
    @Property
    void agreesWithTheJdkOnAscii(@ForAll @CharRange(from = 0, to = 127) char a,
                                 @ForAll @CharRange(from = 0, to = 127) char b) {
        String s = String.valueOf(a);
        String t = String.valueOf(b);
        assertEquals(s.equalsIgnoreCase(t), Ascii.equalsIgnoreCase(s, t));
        assertEquals(s.toLowerCase(Locale.ROOT), Ascii.toLowerCase(s));
    }

    @Property
    void regionBoundsAgreeWithTheJdk(@ForAll @Chars({'a', 'B', 'b'}) char c,
                                     @ForAll @IntRange(min = -2, max = 5) int offset,
                                     @ForAll @IntRange(min = -2, max = 5) int otherOffset,
                                     @ForAll @IntRange(min = -2, max = 5) int length) {
        String s = "aBc" + c;
        String other = "AbC";
        assertEquals(s.regionMatches(true, offset, other, otherOffset, length),
                Ascii.regionMatchesIgnoreCase(s, offset, other, otherOffset, length));
    }

    /** No character outside A-Z/a-z ever equals an ASCII letter, whatever its Unicode folding. */
    @Property
    void noNonAsciiCharacterMatchesAnAsciiLetter(@ForAll @CharRange(from = 128, to = 0xffff) char c,
                                                 @ForAll @CharRange(from = 'a', to = 'z') char letter) {
        assertFalse(Ascii.equalsIgnoreCase(String.valueOf(c), String.valueOf(letter)));
        assertFalse(Ascii.equalsIgnoreCase(String.valueOf(c), String.valueOf((char) (letter - 32))));
        assertEquals(String.valueOf(c), Ascii.toLowerCase(String.valueOf(c)));
    }
}
