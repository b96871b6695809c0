package dev.imgsign.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class PercentTest {

    @Test
    void decodesEscapesOfEitherCase() {
        assertArrayEquals("a/b c".getBytes(StandardCharsets.US_ASCII), Percent.decode("a%2fb%20c", false));
        assertArrayEquals("a/b".getBytes(StandardCharsets.US_ASCII), Percent.decode("a%2Fb", false));
    }

    @Test
    void plusIsASpaceOnlyInFormDecoding() {
        assertEquals("a b", new String(Percent.decode("a+b", true), StandardCharsets.UTF_8));
        assertEquals("a+b", new String(Percent.decode("a+b", false), StandardCharsets.UTF_8));
    }

    @Test
    void invalidEscapesGiveNull() {
        assertNull(Percent.decode("%", false));
        assertNull(Percent.decode("a%2", false));
        assertNull(Percent.decode("%zz", false));
        assertNull(Percent.decode("%g0", false));
    }

    @Test
    void nonAsciiCharactersBecomeUtf8() {
        assertArrayEquals("é😀".getBytes(StandardCharsets.UTF_8), Percent.decode("é😀", false));
    }

    @Test
    void strictUtf8RefusesInvalidSequences() {
        assertEquals("é", Percent.utf8OrNull(new byte[] {(byte) 0xc3, (byte) 0xa9}));
        assertNull(Percent.utf8OrNull(new byte[] {(byte) 0xff}));
        assertNull(Percent.utf8OrNull(new byte[] {(byte) 0xc3}));
    }

    @Property
    void neverThrows(@ForAll String s, @ForAll boolean plus) {
        Percent.decode(s, plus);
    }
}
