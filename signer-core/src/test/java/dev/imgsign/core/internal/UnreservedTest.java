package dev.imgsign.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class UnreservedTest {

    @Test
    void unreservedIsTheRfc3986Set() {
        for (char c = 0; c < 0x100; c++) {
            boolean expected = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".indexOf(c) >= 0;
            assertEquals(expected, Unreserved.is(c), "char " + (int) c);
        }
        assertFalse(Unreserved.is('\u00e9'));
    }

    @Property(tries = 300)
    void escapingDecodesBackAndLeavesOnlyUnreservedAndEscapes(@ForAll String s) {
        StringBuilder out = new StringBuilder();
        Unreserved.escape(s, out);
        String escaped = out.toString();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            assertTrue(Unreserved.is(c) || c == '%' || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'), escaped);
        }
        assertEquals(new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
                new String(Percent.decode(escaped, false), StandardCharsets.UTF_8));
    }

    /** Expected values from CPython 3.11 {@code urllib.parse.quote(x, safe='')}. */
    @Test
    void bytesOutsideTheSetAreUpperCaseEscapes() {
        StringBuilder out = new StringBuilder();
        Unreserved.escape(new byte[] {'a', '/', ' ', (byte) 0xff, '~'}, out);
        assertEquals("a%2F%20%FF~", out.toString());
        out.setLength(0);
        Unreserved.escape("\u00e9-._~!*'()", out);
        assertEquals("%C3%A9-._~%21%2A%27%28%29", out.toString());
    }

    @Property(tries = 300)
    void escapingIntoAnArrayEqualsEscapingIntoABuilder(@ForAll byte[] bytes) {
        StringBuilder expected = new StringBuilder();
        Unreserved.escape(bytes, expected);
        assertEquals(expected.length(), Unreserved.escapedLength(bytes));
        byte[] out = new byte[expected.length() + 3];
        assertEquals(out.length, Unreserved.escape(bytes, out, 3));
        assertEquals(expected.toString(), new String(out, 3, expected.length(), StandardCharsets.ISO_8859_1));
    }
}
