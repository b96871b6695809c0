package dev.imgsign.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.arbitraries.StringArbitrary;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The JDK's URL-safe base64 (unpadded) is the reference for every encoder and decoder here. */
class UrlSafeBase64Test {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @Property(tries = 1000)
    void encodingEqualsTheJdks(@ForAll @Size(max = 50) byte[] bytes, @ForAll @IntRange(min = 0, max = 3) int offset) {
        String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertEquals(expected.length(), UrlSafeBase64.encodedLength(bytes.length));
        byte[] out = new byte[offset + expected.length()];
        assertEquals(out.length, UrlSafeBase64.encode(bytes, 0, bytes.length, out, offset));
        assertEquals(expected, new String(out, offset, expected.length(), StandardCharsets.ISO_8859_1));
        StringBuilder appended = new StringBuilder("x");
        UrlSafeBase64.append(bytes, 0, bytes.length, appended);
        assertEquals("x" + expected, appended.toString());
    }

    @Property(tries = 1000)
    void encodingARangeEncodesOnlyThatRange(@ForAll @Size(max = 40) byte[] bytes,
            @ForAll @IntRange(max = 40) int a, @ForAll @IntRange(max = 40) int b) {
        int from = Math.min(Math.min(a, b), bytes.length);
        int to = Math.min(Math.max(a, b), bytes.length);
        byte[] range = Arrays.copyOfRange(bytes, from, to);
        byte[] out = new byte[UrlSafeBase64.encodedLength(to - from)];
        UrlSafeBase64.encode(bytes, from, to, out, 0);
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(range),
                new String(out, StandardCharsets.ISO_8859_1));
    }

    /** Decoding checks as it goes: anything outside the alphabet, padding included, or a length of 1 mod 4 is null. */
    @Property(tries = 1000)
    void decodingEqualsTheJdksOrRefuses(@ForAll("maybeAlphabetText") String text,
            @ForAll @IntRange(min = 0, max = 3) int offset) {
        byte[] bytes = new byte[offset + text.length() + 2];
        System.arraycopy(text.getBytes(StandardCharsets.ISO_8859_1), 0, bytes, offset, text.length());
        byte[] expected = null;
        if (text.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0) && text.length() % 4 != 1) {
            expected = Base64.getUrlDecoder().decode(text);
        }
        assertArrayEquals(expected, UrlSafeBase64.decodeAlphabetOrNull(bytes, offset, offset + text.length()));
    }

    @Property(tries = 300)
    void valueIsTheAlphabetIndex(@ForAll byte b) {
        assertEquals(ALPHABET.indexOf((char) (b & 0xff)), UrlSafeBase64.value(b));
    }

    @Provide
    Arbitrary<String> maybeAlphabetText() {
        // Latin-1 only (the decoder reads bytes): outsiders ASCII and not, padding, 0x00 and 0xFF.
        return Arbitraries.oneOf(alphabet().ofMaxLength(50), alphabet().ofLength(43), alphabet().ofLength(16),
                Arbitraries.strings().withChars("AQgw-_=+/ .~\u0000\u007f\u0080\u00c1\u00ff").ofMaxLength(50),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(20));
    }

    private static StringArbitrary alphabet() {
        return Arbitraries.strings().withChars(ALPHABET);
    }
}
