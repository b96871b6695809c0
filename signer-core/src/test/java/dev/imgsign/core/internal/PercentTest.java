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

    @Property(tries = 3000)
    void agreesWithAPlainReferenceDecoder(@ForAll String s, @ForAll boolean plus) {
        assertArrayEquals(reference(s, plus), Percent.decode(s, plus));
    }

    @Property(tries = 1000)
    void agreesWithTheReferenceOnEscapeHeavyInput(@ForAll("escapeHeavy") String s, @ForAll boolean plus) {
        assertArrayEquals(reference(s, plus), Percent.decode(s, plus));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> escapeHeavy() {
        return net.jqwik.api.Arbitraries.strings().withChars("%+aF0g9\u00e9\ud83d\ude00\ud800").ofMaxLength(30);
    }

    /** The obvious decoder, one character at a time through the JDK's UTF-8 encoder; null on a bad escape. */
    private static byte[] reference(String s, boolean plusAsSpace) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0 || Character.digit(s.charAt(i + 2), 16) < 0
                        || s.charAt(i + 1) > 'f' || s.charAt(i + 2) > 'f') {
                    return null;
                }
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 3;
            } else if (c == '+' && plusAsSpace) {
                out.write(' ');
                i++;
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)) ? i + 2 : i + 1;
                out.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return out.toByteArray();
    }
}
