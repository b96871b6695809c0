package dev.imgsign.thumbor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.imgsign.core.internal.Percent;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The fast paths of {@link PyUrl} equal their reference implementations. */
class PyUrlTest {
    @Provide
    Arbitrary<byte[]> utf8ish() {
        Arbitrary<Byte> interesting = Arbitraries.of((byte) 0x41, (byte) 0x7f, (byte) 0x80, (byte) 0xbf, (byte) 0xc0,
                (byte) 0xc1, (byte) 0xc2, (byte) 0xdf, (byte) 0xe0, (byte) 0xa0, (byte) 0x9f, (byte) 0xed, (byte) 0xef,
                (byte) 0xf0, (byte) 0x90, (byte) 0x8f, (byte) 0xf4, (byte) 0xf5, (byte) 0xff);
        return Arbitraries.oneOf(interesting, Arbitraries.bytes()).array(byte[].class).ofMaxSize(12);
    }

    @Property(tries = 5000)
    void strictUtf8DecodingEqualsTheJdkDecoder(@ForAll("utf8ish") byte[] bytes) {
        assertEquals(Percent.utf8OrNull(bytes), PyUrl.utf8OrNull(bytes));
    }

    @Property(tries = 1000)
    void quoteKeepsExactlyWhenQuoteIsTheIdentity(@ForAll("text") String s) {
        assertEquals(PyUrl.quote(s, PyUrl.SAFE_LOADER).equals(s), PyUrl.quoteKeeps(s, PyUrl.SAFE_LOADER));
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars("\u00e9\t").ofMaxLength(20);
    }

    @Test
    void cpythonDecodingEdges() {
        assertNull(PyUrl.utf8OrNull(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}), "surrogate");
        assertNull(PyUrl.utf8OrNull(new byte[] {(byte) 0xc0, (byte) 0xaf}), "overlong");
        assertNull(PyUrl.utf8OrNull(new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}), "above U+10FFFF");
        assertNull(PyUrl.utf8OrNull(new byte[] {(byte) 0xe2, (byte) 0x82}), "truncated");
        assertEquals("\uD83D\uDE00", PyUrl.utf8OrNull(new byte[] {(byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80}));
        assertEquals("a%zz%", new String(PyUrl.unquoteToBytes("a%zz%"), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("\u00e9 %zz", PyUrl.unquote("%C3%A9%20%zz"));
        assertEquals("\ufffd", PyUrl.unquote("%FF"));
    }
}
