package dev.imgsign.camo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.ProxyRequest;
import dev.imgsign.core.SigningKey;
import dev.imgsign.core.Verification;
import dev.imgsign.peer.go.GoBase64;
import dev.imgsign.peer.go.GoUrl;
import dev.imgsign.peer.node.NodeLegacyUrl;
import dev.imgsign.peer.node.NodeQueryString;
import dev.imgsign.core.internal.Percent;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The go-camo verifier's fast paths equal their references: {@link CamoVerifier#plainHttpHost} against
 * {@link GoUrl#parse} (the full go1.19 port), {@link CamoVerifier#plainHttpHostEnd} against
 * {@link CamoVerifier#plainHttpHost}, the plain-ASCII path bytes against {@link Percent#decode}, the
 * string decoders against {@link GoBase64} and {@link HexFormat}, and the whole verification against
 * the reference {@link CamoVerifier#verifyGoCamoReference} on signed, tampered and arbitrary targets.
 */
class CamoFastPathTest {
    /** Pieces that steer strings near the fast path's edges: schemes, host characters, delimiters, escapes. */
    private static final String[] PIECES = {
        "http://", "https://", "HTTP://", "http:/", "https:", "ftp://", "//", "/", "?", "#", "@", ":", ":80",
        "[", "]", "::1", "%", "%2F", "%zz", "%41", " ", "\t", "\u007f", "\u00e9", "\u212a", "\\", "a", "Z", "0", "9",
        ".", "-", "_", "~", "!", "$", "&", "'", "(", ")", "*", "+", ",", ";", "=", "example.org", "xn--bcher-kva",
        "localhost", "127.0.0.1", "user:pw@", "\"", "<", ">", "^", "`", "{", "|", "}"
    };

    @Provide
    Arbitrary<String> urlish() {
        return Arbitraries.of(PIECES).list().ofMaxSize(12).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> plainish() {
        Arbitrary<String> host = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
                .ofMaxLength(30);
        Arbitrary<String> rest = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('!', '~').ofMaxLength(60),
                Arbitraries.strings().withCharRange((char) 0, (char) 0x7f).ofMaxLength(20));
        return net.jqwik.api.Combinators.combine(Arbitraries.of("http://", "https://"), host, Arbitraries.of("", "/", "?", "#"), rest)
                .as((s, h, d, r) -> s + h + d + r);
    }

    @Property(tries = 3000)
    void plainHttpHostAgreesWithGoUrlParse(@ForAll("urlish") String url) {
        assertAgrees(url);
    }

    @Property(tries = 3000)
    void plainHttpHostAgreesWithGoUrlParseNearTheFastPath(@ForAll("plainish") String url) {
        Statistics.label("fast path").collect(CamoVerifier.plainHttpHost(url) != null);
        assertAgrees(url);
        Statistics.label("fast path").coverage(c -> c.check(true).percentage(p -> p > 20));
    }

    @Property(tries = 1000)
    void plainHttpHostAgreesWithGoUrlParseOnAnyAscii(@ForAll("anyAscii") String url) {
        assertAgrees(url);
    }

    @Provide
    Arbitrary<String> anyAscii() {
        return Arbitraries.strings().withCharRange((char) 0, (char) 0x7f).ofMaxLength(40);
    }

    @Property(tries = 2000)
    void plainAsciiPathBytesEqualPercentDecoding(@ForAll("urlish") String target) {
        if (isPlainAscii(target)) {
            assertArrayEquals(Percent.decode(target, 0, target.length(), false),
                    target.getBytes(StandardCharsets.ISO_8859_1), target);
        }
    }

    /** The verifier's condition for skipping percent-decoding: ASCII without {@code %}. */
    private static boolean isPlainAscii(String target) {
        return target.chars().allMatch(c -> c < 0x80 && c != '%');
    }

    @Example
    void theBenchmarkUrlsTakeTheFastPath() {
        assertEquals("golang.org", CamoVerifier.plainHttpHost("http://golang.org/doc/gopher/frontpage.png"));
        assertEquals("images.example.com",
                CamoVerifier.plainHttpHost("https://images.example.com/a/b.jpeg?width=1&token=abc#x"));
        assertNull(CamoVerifier.plainHttpHost("http://user@example.org/"));
        assertNull(CamoVerifier.plainHttpHost("http:///x"));
    }

    @Property(tries = 1000)
    void hexLayoutEqualsTheConcatenation(@ForAll("latin1") String prefix,
            @ForAll byte[] digest, @ForAll byte[] urlBytes) {
        HexFormat hex = HexFormat.of();
        assertEquals(prefix + '/' + hex.formatHex(digest) + '/' + hex.formatHex(urlBytes),
                CamoSigner.hexLayout(prefix.getBytes(StandardCharsets.ISO_8859_1), digest, urlBytes));
    }

    /** Every pair of byte values at every offset mod 4 (the steps read four bytes), and every tail length. */
    @Example
    void hexLayoutWritesEveryBytePairAtEveryOffset() {
        byte[] pairs = new byte[2 << 16];
        for (int pair = 0; pair < 1 << 16; pair++) {
            pairs[2 * pair] = (byte) (pair >>> 8);
            pairs[2 * pair + 1] = (byte) pair;
        }
        HexFormat hex = HexFormat.of();
        byte[] digest = new byte[20];
        for (int shift = 0; shift < 8; shift++) {
            byte[] urlBytes = java.util.Arrays.copyOfRange(pairs, shift, pairs.length - shift / 2);
            assertEquals("p/" + hex.formatHex(digest) + '/' + hex.formatHex(urlBytes),
                    CamoSigner.hexLayout("p".getBytes(StandardCharsets.ISO_8859_1), digest, urlBytes), "shift " + shift);
        }
    }

    @Provide
    Arbitrary<String> latin1() {
        return Arbitraries.strings().withCharRange((char) 0, (char) 0xff).ofMaxLength(30);
    }

    @Property(tries = 2000)
    void plainHttpHostEndAgreesWithPlainHttpHost(@ForAll("hostish") String url) {
        // The byte version reads decoded URL bytes: compare on strings that are their own ISO-8859-1 bytes.
        net.jqwik.api.Assume.that(url.chars().allMatch(c -> c <= 0xff));
        byte[] bytes = url.getBytes(StandardCharsets.ISO_8859_1);
        String host = CamoVerifier.plainHttpHost(url);
        int end = CamoVerifier.plainHttpHostEnd(bytes);
        Statistics.label("fast path").collect(host != null);
        if (host == null) {
            assertEquals(-1, end, url);
        } else {
            assertEquals(host, url.substring(url.startsWith("https://") ? 8 : 7, end), url);
        }
    }

    @Provide
    Arbitrary<String> hostish() {
        return Arbitraries.oneOf(urlish(), plainish(), anyAscii(),
                Arbitraries.strings().withCharRange((char) 0, (char) 0xff).ofMaxLength(40),
                plainish().map(u -> u + "\u0080"), plainish().map(u -> u + "\u00ff"));
    }

    @Property(tries = 3000)
    void base64OfCharsEqualsGoBase64(@ForAll("base64ish") String text) {
        byte[] fast = CamoVerifier.base64OfChars("/" + text + "/", 1, text.length() + 1);
        byte[] reference = GoBase64.decodeUrlPadded(text.getBytes(StandardCharsets.ISO_8859_1), 0, text.length());
        boolean simple = text.length() % 4 != 1
                && text.chars().allMatch(c -> BASE64_ALPHABET.indexOf(c) >= 0);
        Statistics.label("simple").collect(simple);
        if (simple) {
            assertNotNull(fast, text);
            assertArrayEquals(reference, fast, text);
        } else {
            assertNull(fast, text);
        }
    }

    @Property(tries = 2000)
    void base64InPlaceEqualsBase64OfChars(@ForAll("longBase64ish") String text) {
        String padded = "/" + text + "?";
        byte[] out = new byte[text.length()];
        int length = CamoVerifier.base64InPlace(padded, 1, text.length() + 1, out);
        byte[] reference = CamoVerifier.base64OfChars(padded, 1, text.length() + 1);
        Statistics.label("decoded").collect(reference != null);
        if (reference == null) {
            assertEquals(-1, length, text);
        } else {
            assertArrayEquals(reference, java.util.Arrays.copyOf(out, length), text);
            assertEquals(reference.length, length, text);
        }
        Statistics.label("decoded").coverage(c -> c.check(true).percentage(p -> p > 30));
    }

    /** Long base64 across the JDK decoder's block sizes, and the same spliced with what it must refuse. */
    @Provide
    Arbitrary<String> longBase64ish() {
        java.util.Base64.Encoder encoder = java.util.Base64.getUrlEncoder().withoutPadding();
        Arbitrary<String> valid = Arbitraries.bytes().array(byte[].class).ofMaxSize(1100).map(encoder::encodeToString);
        // U+0141, U+0130, U+0161, U+012D, U+015F: their low bytes are 'A', '0', 'a', '-', '_'.
        Arbitrary<String> spliced = Combinators.combine(valid, Arbitraries.integers().between(0, 2000),
                Arbitraries.of("=", "==", "+", "/", "\u0141", "\u0130", "\u0161", "\u012d", "\u015f", "\u00e9", "\u00c1",
                        "\n", "\r", " ", "%41", "A", ""))
                .as((t, at, piece) -> {
                    int i = at % (t.length() + 1);
                    return t.substring(0, i) + piece + t.substring(Math.min(t.length(), i + at % 2));
                });
        Arbitrary<String> anyLength = Arbitraries.strings().withChars(BASE64_ALPHABET).ofMinLength(120).ofMaxLength(700);
        return Arbitraries.oneOf(valid, spliced, anyLength, base64ish());
    }

    @Provide
    Arbitrary<String> base64ish() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars(BASE64_ALPHABET).ofMaxLength(80),
                Arbitraries.strings().withChars(BASE64_ALPHABET + "=+/\\\r\n.\u00e9\u0141\u0161\u0130\u0178").ofMaxLength(12),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(60)
                        .map(b -> java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b)));
    }

    @Property(tries = 2000)
    void hexOfCharsEqualsHexFormat(@ForAll("hexish") String text) {
        String padded = "x" + text + "/";
        byte[] fast = CamoVerifier.hexOfChars(padded, 1, text.length() + 1, true);
        byte[] lower = CamoVerifier.hexOfChars(padded, 1, text.length() + 1, false);
        byte[] reference;
        try {
            reference = HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            reference = null;
        }
        Statistics.label("valid").collect(reference != null);
        assertArrayEquals(reference, fast, text);
        boolean upper = text.chars().anyMatch(c -> c >= 'A' && c <= 'F');
        assertArrayEquals(upper ? null : reference, lower, text);
    }

    /** The ASCII-only decoder equals the lowercase decoder followed by the ASCII check it replaces. */
    @Property(tries = 3000)
    void asciiOfLowerHexCharsEqualsHexOfCharsWhenAscii(@ForAll("hexish") String text) {
        String padded = "x" + text + "/";
        byte[] lower = CamoVerifier.hexOfChars(padded, 1, text.length() + 1, false);
        boolean ascii = lower != null && java.util.stream.IntStream.range(0, lower.length).allMatch(i -> lower[i] >= 0);
        Statistics.label("ascii").collect(ascii);
        assertArrayEquals(ascii ? lower : null, CamoVerifier.asciiOfLowerHexChars(padded, 1, text.length() + 1), text);
    }

    /** The eight-digit steps over bytes equal the char-table decoder on every byte value (lowercase only). */
    @Property(tries = 3000)
    void lowerHexOfBytesEqualsHexOfChars(@ForAll("hexish") String text) {
        String latin1 = text.chars().allMatch(c -> c <= 0xff) ? text : text.replaceAll("[^\\x00-\\xff]", "\u00ff");
        String padded = "x" + latin1 + "0123456".substring(0, (8 - latin1.length() % 8) % 8) + "/";
        int to = padded.length() - 1;
        byte[] bytes = padded.getBytes(StandardCharsets.ISO_8859_1);
        byte[] expected = CamoVerifier.hexOfChars(padded, 1, to, false);
        Statistics.label("valid").collect(expected != null);
        assertArrayEquals(expected, CamoVerifier.lowerHexOfBytes(bytes, 1, to), padded);
    }

    /** Words with one byte off: every byte value in every position. */
    @Example
    void lowerHexOfBytesRefusesEveryOtherByte() {
        for (int position = 0; position < 8; position++) {
            for (int b = 0; b < 256; b++) {
                byte[] bytes = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);
                bytes[position + 8 * (b & 1)] = (byte) b;
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                assertArrayEquals(CamoVerifier.hexOfChars(text, 0, 16, false),
                        CamoVerifier.lowerHexOfBytes(bytes, 0, 16), text);
            }
        }
    }

    @Provide
    Arbitrary<String> hexish() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofMaxLength(60),
                Arbitraries.strings().withChars("0123456789abcdefABCDEFgG/%\u0660\u0100\u0130\u0161\u0141\u0137\u0132").ofMaxLength(8),
                Arbitraries.strings().withChars("01234567abcdef").ofMaxLength(40),
                Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofMinLength(16).ofMaxLength(40)
                        .flatMap(h -> Arbitraries.integers().between(0, h.length() - 1)
                                .flatMap(at -> Arbitraries.chars().map(c -> h.substring(0, at) + c + h.substring(at + 1)))),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(b -> HexFormat.of().formatHex(b)));
    }

    @Property(tries = 3000)
    void printableWithoutPercentEqualsTheByteLoop(@ForAll("nearlyPrintable") byte[] bytes,
            @ForAll @net.jqwik.api.constraints.IntRange(max = 20) int from) {
        int start = Math.min(from, bytes.length);
        boolean expected = true;
        for (int i = start; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            expected &= c > ' ' && c < 0x7f && c != '%';
        }
        Statistics.label("printable").collect(expected);
        assertEquals(expected, CamoVerifier.printableWithoutPercent(bytes, start));
    }

    @Provide
    Arbitrary<byte[]> nearlyPrintable() {
        Arbitrary<Byte> printable = Arbitraries.bytes().between((byte) '!', (byte) '~').filter(b -> b != '%');
        Arbitrary<Byte> any = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(30, printable),
                net.jqwik.api.Tuple.of(1, Arbitraries.of((byte) ' ', (byte) 0x20, (byte) 0x21, (byte) 0x7f, (byte) 0x7e,
                        (byte) '%', (byte) 0x80, (byte) 0xff, (byte) 0, (byte) 0x1f, (byte) 0xa5, (byte) 0x24, (byte) 0x26)),
                net.jqwik.api.Tuple.of(1, Arbitraries.bytes()));
        return any.array(byte[].class).ofMaxSize(50);
    }

    @Property(tries = 3000)
    void formDecodeAsciiEqualsTheReference(@ForAll("formish") String text) {
        String padded = "&" + text + "&";
        String fast = NodeQueryString.formDecodeAscii(padded, 1, padded.length() - 1);
        Statistics.label("fast").collect(fast != null);
        if (fast != null) {
            assertEquals(NodeQueryString.formDecodeReference(padded, 1, padded.length() - 1), fast, text);
        }
        assertEquals(NodeQueryString.formDecodeReference(padded, 1, padded.length() - 1),
                NodeQueryString.formDecode(padded, 1, padded.length() - 1), text);
        Statistics.label("fast").coverage(c -> c.check(true).percentage(p -> p > 20));
    }

    @Provide
    Arbitrary<String> formish() {
        Arbitrary<String> any = Arbitraries.of("%", "%4", "%41", "%7f", "%7F", "%80", "%e9", "%C3%A9", "%2B", "%25", "%2541", "+", "a",
                "Z", "/", ":", "=", "?", "\u00e9", "\u212a", "%zz", "%0", "%00", " ", "http://x.org/a?b=c")
                .list().ofMaxSize(10).map(l -> String.join("", l));
        Arbitrary<String> ascii = Arbitraries.of("%41", "%7f", "%2B", "%25", "%2F", "+", "a", "Z", "/", ":", "=",
                "http%3A%2F%2Fx.org%2Fa%3Fb%3Dc", "~", "-").list().ofMaxSize(12).map(l -> String.join("", l));
        return Arbitraries.oneOf(any, ascii);
    }

    private static final String BASE64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final KeySet TWO_KEYS = KeySet.of(SigningKey.ofUtf8("primary-secret"), SigningKey.ofUtf8("old-secret"));
    private static final CamoVerifier VERIFIER = CamoVerifier.builder(TWO_KEYS).build();
    private static final CamoVerifier STRICT_VERIFIER =
            CamoVerifier.builder(TWO_KEYS).rejectPrivateAddresses(true).maxLength(300).build();

    /** The whole go-camo verification, fast path first, answers as the reference does on every target. */
    @Property(tries = 3000)
    void verifyEqualsTheReference(@ForAll("goCamoTargets") String target) {
        Verification<String> expected = VERIFIER.verifyGoCamoReference(target);
        Verification<String> fast = VERIFIER.verifyPlainGoCamo(target);
        Statistics.label("answer").collect(fast == null ? "reference" : fast.getClass().getSimpleName());
        if (fast != null) {
            assertEquals(expected, fast, target);
        }
        assertEquals(expected, VERIFIER.verify(target), target);
        assertEquals(STRICT_VERIFIER.verifyGoCamoReference(target), STRICT_VERIFIER.verify(target), target);
        Statistics.label("answer").coverage(c -> {
            c.check("Accepted").percentage(p -> p > 5);
            c.check("Rejected").percentage(p -> p > 1);
        });
    }

    private static final CamoVerifier ATMOS = CamoVerifier.builder(TWO_KEYS).dialect(CamoDialect.ATMOS_CAMO).build();
    private static final CamoVerifier STRICT_ATMOS = CamoVerifier.builder(TWO_KEYS).dialect(CamoDialect.ATMOS_CAMO)
            .rejectPrivateAddresses(true).maxLength(300).build();

    /** The whole atmos/camo verification, fast path first, answers as the reference does on every target. */
    @Property(tries = 3000)
    void atmosVerifyEqualsTheReference(@ForAll("atmosTargets") String target) {
        Verification<String> expected = ATMOS.verifyAtmosReference(target);
        Verification<String> fast = ATMOS.verifyPlainAtmos(target);
        Statistics.label("answer").collect(fast == null ? "reference" : fast.getClass().getSimpleName());
        if (fast != null) {
            assertEquals(expected, fast, target);
        }
        assertEquals(expected, ATMOS.verify(target), target);
        assertEquals(STRICT_ATMOS.verifyAtmosReference(target), STRICT_ATMOS.verify(target), target);
        Statistics.label("answer").coverage(c -> {
            c.check("Accepted").percentage(p -> p > 5);
            c.check("Rejected").percentage(p -> p > 1);
        });
    }

    @Provide
    Arbitrary<String> atmosTargets() {
        Arbitrary<String> withSuffix = Combinators.combine(goCamoTargets(),
                Arbitraries.of("", "#", "#x?y", "?url=x", "/", "/more", "\\", "\\x?y", "?", "?\u00e9", "? ", "#\t"))
                .as((t, suffix) -> t + suffix);
        Arbitrary<String> url = Arbitraries.oneOf(plainish(), Arbitraries.of(
                "http://golang.org/doc/gopher/frontpage.png", "https://127.0.0.1/x", "HTTP://example.org/",
                "https://images.example.com/a/b.jpeg?width=1&token=abc#x", "http://example.org/caf\u00e9"));
        Arbitrary<String> lowerHex = Combinators.combine(url, Arbitraries.of("primary-secret", "old-secret"),
                Arbitraries.of("", "", "#", "?url=x", "/more", "? "))
                .as((u, secret, suffix) -> goCamoTarget(u, "hex", secret) + suffix);
        return Arbitraries.oneOf(goCamoTargets(), withSuffix, lowerHex, queryLayouts());
    }

    /** atmos/camo's query layout, signed, as the signer writes it and in the other spellings Node decodes. */
    @Provide
    Arbitrary<String> queryLayouts() {
        Arbitrary<String> url = Arbitraries.oneOf(plainish(), urlish(), Arbitraries.of(
                "http://golang.org/doc/gopher/frontpage.png", "https://127.0.0.1/x", "HTTP://example.org/",
                "http://example.org/a b+c", "http://example.org/caf\u00e9", "http://x.org/?url=y&url=z#f"));
        Arbitrary<String> signed = Combinators.combine(url, Arbitraries.of("primary-secret", "old-secret"),
                Arbitraries.of("escaped", "Escaped", "raw", "plus"))
                .as((u, secret, spelling) -> atmosQueryTarget(u, secret, spelling));
        Arbitrary<String> tampered = Combinators.combine(signed, Arbitraries.integers().between(0, 1000),
                Arbitraries.of("%", "%4", "%7f", "%7F", "%80", "%e9", "%zz", "&", "&url=x", "#", "+", " ", "\u00e9",
                        "\u0130", "\ud83d\ude00", "=", "?", "/", "\\", "a", "0", "\u007f", "\t", "\u0161", "\ud800",
                        "\udc00", "\u0125"))
                .as((t, at, piece) -> {
                    int i = at % (t.length() + 1);
                    return t.substring(0, i) + piece + t.substring(Math.min(t.length(), i + (at % 3 == 0 ? 0 : 1)));
                });
        Arbitrary<String> suffixed = Combinators.combine(signed, Arbitraries.of("", "&", "&a=b", "&url=x", "#", "#x",
                "%", "%4", "+")).as((t, suffix) -> t + suffix);
        return Arbitraries.oneOf(signed, tampered, suffixed);
    }

    /** The query layout's fast path answers often, and as the reference does. */
    @Property(tries = 2000)
    void atmosQueryLayoutEqualsTheReference(@ForAll("queryLayouts") String target) {
        Verification<String> expected = ATMOS.verifyAtmosReference(target);
        Verification<String> fast = ATMOS.verifyPlainAtmos(target);
        Statistics.label("answer").collect(fast == null ? "reference" : fast.getClass().getSimpleName());
        if (fast != null) {
            assertEquals(expected, fast, target);
        }
        assertEquals(expected, ATMOS.verify(target), target);
        assertEquals(STRICT_ATMOS.verifyAtmosReference(target), STRICT_ATMOS.verify(target), target);
        Statistics.label("answer").coverage(c -> {
            c.check("Accepted").percentage(p -> p > 20);
            c.check("Rejected").percentage(p -> p > 1);
            c.check("reference").percentage(p -> p > 10);
        });
    }

    /** An unpaired surrogate is one '?' in getBytes(UTF_8): the fast path leaves such targets to the reference. */
    @Example
    void unpairedSurrogatesAreNoQuestionMarks() {
        String raw = atmosQueryTarget("http://x.org/a?b=c", "primary-secret", "raw");
        assertTrue(ATMOS.verify(raw) instanceof Verification.Accepted<String>, raw);
        int inValue = raw.indexOf('?', 42);
        for (String target : new String[] {raw.substring(0, 41) + '\ud800' + raw.substring(42),
            raw.substring(0, inValue) + '\ud800' + raw.substring(inValue + 1),
            raw.substring(0, inValue) + '\udc00' + raw.substring(inValue + 1), raw + '\ud800', raw + "\u0161"}) {
            assertEquals(ATMOS.verifyAtmosReference(target), ATMOS.verify(target), target);
            assertNull(ATMOS.verifyPlainAtmos(target), target); // the fast path leaves them to the reference
        }
    }

    /** {@code /<hex digest>?url=<url>}: escaped as the signer does (lower or upper case), raw, or with '+'. */
    private static String atmosQueryTarget(String url, String secret, String spelling) {
        String digest = goCamoTarget(url, "hex", secret);
        digest = digest.substring(0, digest.indexOf('/', 1));
        StringBuilder value = new StringBuilder();
        for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean unreserved = c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0);
            if (unreserved || spelling.equals("raw") && c > ' ' && c < 0x7f) {
                value.append(c);
            } else if (spelling.equals("plus") && c == ' ') {
                value.append('+');
            } else {
                String hex = String.format("%%%02x", b & 0xff);
                value.append(spelling.equals("Escaped") ? hex.toUpperCase(java.util.Locale.ROOT) : hex);
            }
        }
        return digest + "?url=" + value;
    }

    /**
     * The reference for the in-place decoder, char by char: {@code text[from, to)} as {@code querystring}
     * decodes a value, written to {@code out}, when it is printable ASCII without {@code &} or {@code #} and
     * every {@code %} starts an escape below {@code %80} ({@code +} is a space); the decoded length, else -1.
     */
    static int formDecodePlain(String text, int from, int to, byte[] out) {
        int o = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= to) {
                    return -1;
                }
                int hi = asciiHexDigit(text.charAt(i + 1));
                int lo = asciiHexDigit(text.charAt(i + 2));
                if (hi < 0 || lo < 0 || hi > 7) {
                    return -1;
                }
                out[o++] = (byte) (hi << 4 | lo);
                i += 2;
            } else if (c == '+') {
                out[o++] = ' ';
            } else if (c > ' ' && c < 0x7f && c != '&' && c != '#') {
                out[o++] = (byte) c;
            } else {
                return -1;
            }
        }
        return o;
    }

    private static int asciiHexDigit(char c) {
        return c < 0x80 ? "0123456789abcdef".indexOf(Character.toLowerCase(c)) : -1;
    }

    @Property(tries = 3000)
    void formDecodePlainEqualsTheReference(@ForAll("formish") String text) {
        String padded = "&" + text + "&";
        byte[] out = new byte[text.length()];
        int length = formDecodePlain(padded, 1, padded.length() - 1, out);
        Statistics.label("fast").collect(length >= 0);
        if (length >= 0) {
            String reference = NodeQueryString.formDecodeReference(padded, 1, padded.length() - 1);
            assertEquals(reference, new String(out, 0, length, StandardCharsets.ISO_8859_1), text);
            assertTrue(reference.chars().allMatch(c -> c < 0x80), text);
            assertTrue(text.chars().noneMatch(c -> c == '&' || c == '#' || c <= ' ' || c >= 0x7f), text);
        }
        Statistics.label("fast").coverage(c -> c.check(true).percentage(p -> p > 20));
    }

    /**
     * The in-place decoder over {@code getBytes(UTF_8)} equals {@link #formDecodePlain} on the
     * string wherever that copy has one byte per char, except that it also refuses {@code '?'} (which is
     * what an unpaired surrogate becomes); the lead moves escapes across the eight-byte words.
     */
    @Property(tries = 4000)
    void formDecodeInPlaceEqualsFormDecodePlain(@ForAll("queryValues") String text,
            @ForAll @net.jqwik.api.constraints.IntRange(max = 17) int lead) {
        String padded = "/".repeat(lead) + text;
        byte[] bytes = padded.getBytes(StandardCharsets.UTF_8);
        boolean oneBytePerChar = bytes.length == padded.length();
        Statistics.label("one byte per char").collect(oneBytePerChar);
        if (!oneBytePerChar) {
            return; // the verifier does not take this path
        }
        byte[] out = new byte[text.length()];
        int reference = formDecodePlain(padded, lead, padded.length(), out);
        int length = CamoVerifier.formDecodeInPlace(bytes, lead);
        Statistics.label("decoded").collect(length >= 0);
        if (text.indexOf('?') >= 0) {
            assertEquals(-1, length, text);
        } else {
            assertEquals(reference, length, text);
            if (length >= 0) {
                assertArrayEquals(java.util.Arrays.copyOf(out, length), java.util.Arrays.copyOf(bytes, length), text);
            }
        }
        Statistics.label("decoded").coverage(c -> c.check(true).percentage(p -> p > 20));
    }

    /** Every alignment of a value's last word against an escape cut short at the very end, and its neighbours. */
    @Example
    void formDecodeInPlaceAtTheEndOfEveryAlignment() {
        for (int lead = 0; lead < 10; lead++) {
            for (int plain = 0; plain < 25; plain++) {
                for (String tail : new String[] {"%", "%4", "%41", "%4g", "%80", "+", "a%41b", "%%41"}) {
                    String padded = "/".repeat(lead) + "a".repeat(plain) + tail;
                    byte[] out = new byte[padded.length()];
                    int reference = formDecodePlain(padded, lead, padded.length(), out);
                    byte[] bytes = padded.getBytes(StandardCharsets.UTF_8);
                    int length = CamoVerifier.formDecodeInPlace(bytes, lead);
                    assertEquals(reference, length, padded);
                    if (length >= 0) {
                        assertArrayEquals(java.util.Arrays.copyOf(out, length), java.util.Arrays.copyOf(bytes, length), padded);
                    }
                }
            }
        }
    }

    /**
     * Query values near the decoder's edges: escapes at either end, bad and odd escapes, {@code %80} and
     * up, {@code + & # ?}, controls, non-ASCII, wide chars whose low byte is a form char (U+0161 is 'a',
     * U+0125 '%', U+012B '+'), unpaired surrogates, and long plain runs.
     */
    @Provide
    Arbitrary<String> queryValues() {
        Arbitrary<String> pieces = Arbitraries.of("%", "%4", "%41", "%7f", "%7F", "%80", "%e9", "%C3%A9", "%2B", "%25",
                "%2541", "%3F", "%3f", "%zz", "%0", "%00", "%g1", "+", "++", "&", "#", "?", "=", " ", "\u0000", "\t", "\u007f",
                "\u0080", "\u00e9", "\u0161", "\u0125", "\u012b", "\u212a", "\ud800", "\udc00", "\ud83d\ude00", "a", "Z", "~",
                "http%3A%2F%2Fx.org%2Fa%3Fb%3Dc", "a-rather-long-path-segment", "abcdefgh", "%2Fabcdefg")
                .list().ofMaxSize(14).map(l -> String.join("", l));
        Arbitrary<String> printable = Arbitraries.strings().withCharRange('!', '~').ofMaxLength(40);
        Arbitrary<String> escaped = Arbitraries.bytes().array(byte[].class).ofMaxSize(60).map(b -> {
            StringBuilder value = new StringBuilder();
            for (byte x : b) {
                int c = x & 0x7f;
                value.append(Character.isLetterOrDigit(c) ? String.valueOf((char) c) : String.format("%%%02X", c));
            }
            return value.toString();
        });
        return Arbitraries.oneOf(pieces, printable, escaped, formish());
    }

    @Example
    void formDecodePlainRefusesPercentsThatAreNoEscapes() {
        for (String text : new String[] {"ab%%%cd", "ab%", "a%4", "%%41", "a%%", "%80", "%41%", "%4g", "%g4", "%\u0130",
            "\u0130", "\u0141b", "a\u00e9", "\u0125", "%4\u0131", "+\u0080"}) {
            byte[] out = new byte[text.length()];
            assertEquals(-1, formDecodePlain("&" + text + "&", 1, text.length() + 1, out), text);
        }
        byte[] out = new byte[5];
        assertEquals(3, formDecodePlain("%41+b", 0, 5, out));
        assertEquals("A b", new String(out, 0, 3, StandardCharsets.US_ASCII));
        assertEquals(0, formDecodePlain("x", 1, 1, new byte[0]));
    }

    /** Where {@link CamoVerifier#httpHostEnd} answers, Node's legacy parser reads that protocol and host. */
    @Property(tries = 3000)
    void httpHostEndAgreesWithNodeLegacyUrl(@ForAll("hostish") String url) {
        net.jqwik.api.Assume.that(url.chars().allMatch(c -> c <= 0xff));
        byte[] bytes = (url + "/junk").getBytes(StandardCharsets.ISO_8859_1);
        int end = CamoVerifier.httpHostEnd(bytes, url.length());
        Statistics.label("fast path").collect(end >= 0);
        if (end >= 0) {
            NodeLegacyUrl parsed = NodeLegacyUrl.parse(url);
            boolean https = url.startsWith("https://");
            assertEquals(https ? "https" : "http", parsed.protocol(), url);
            assertEquals(url.substring(https ? 8 : 7, end), parsed.hostname(), url);
        }
    }

    private static final String PREFIX = "https://img.example.org/p?x";
    private static final CamoVerifier[] PREFIXED = {
        CamoVerifier.builder(TWO_KEYS).prefix(PREFIX).build(),
        CamoVerifier.builder(TWO_KEYS).prefix(PREFIX).dialect(CamoDialect.ATMOS_CAMO).build(),
        CamoVerifier.builder(TWO_KEYS).dialect(CamoDialect.ATMOS_CAMO).maxLength(60).build(),
        VERIFIER, ATMOS, STRICT_ATMOS
    };

    /** verify(String) skips the ProxyRequest; it answers as verify(ProxyRequest) does, prefix or not. */
    @Property(tries = 2000)
    void verifyOfTheStringEqualsVerifyOfTheRequest(@ForAll("atmosTargets") String target,
            @ForAll boolean prefixed, @ForAll @net.jqwik.api.constraints.IntRange(max = 5) int which) {
        String input = prefixed ? PREFIX + target : target;
        CamoVerifier verifier = PREFIXED[which];
        assertEquals(verifier.verify(ProxyRequest.of(input)), verifier.verify(input), input);
    }

    @Example
    void verifyOfNullIsMalformed() {
        for (CamoVerifier verifier : PREFIXED) {
            assertEquals(Verification.rejected(dev.imgsign.core.Rejection.MALFORMED, "no request target"),
                    verifier.verify((String) null));
        }
    }

    @Provide
    Arbitrary<String> goCamoTargets() {
        Arbitrary<String> url = Arbitraries.oneOf(plainish(), urlish(),
                plainish().map(u -> u + "/a-rather-long-path-segment".repeat(6)), Arbitraries.of(
                "http://golang.org/doc/gopher/frontpage.png", "https://127.0.0.1/x", "http://localhost/",
                "https://images.example.com/a/b.jpeg?width=1&token=abc#x", "http://example.org/caf\u00e9"));
        Arbitrary<String> signed = Combinators.combine(url, Arbitraries.of("hex", "HEX", "base64", "base64="),
                Arbitraries.of("primary-secret", "old-secret")).as(CamoFastPathTest::goCamoTarget);
        Arbitrary<String> tampered = Combinators.combine(signed, Arbitraries.integers().between(0, 1000),
                Arbitraries.of(PIECES)).as((s, at, piece) -> {
                    int i = at % (s.length() + 1);
                    return s.substring(0, i) + piece + s.substring(Math.min(s.length(), i + (at % 3 == 0 ? 0 : 1)));
                });
        // The query is unsigned but read: raw controls and spaces in it are refused, as go-camo's server does.
        Arbitrary<String> withQuery = Combinators.combine(signed, Arbitraries.of("?", "?a=b", "?%zz", "?\u00e9", "?/x/y",
                "? ", "?a b", "?a\tb", "?\u007f", "?x\u0000", "?\u001f"))
                .as((s, q) -> s + q);
        // Cut after the digest's slash: an empty URL segment (with or without a query).
        Arbitrary<String> emptyUrl = Combinators.combine(signed, Arbitraries.of("", "?a=b"))
                .as((s, q) -> s.substring(0, s.indexOf('/', 1) + 1) + q);
        Arbitrary<String> astral = Combinators.combine(signed, Arbitraries.integers().between(0, 1000),
                Arbitraries.of("\ud83d\ude00", "\ud800", "\udc00", "\u0100", "\u00ff", "\u00e9\ud83d\ude00x"))
                .as((s, at, piece) -> {
                    int i = at % (s.length() + 1);
                    return s.substring(0, i) + piece + s.substring(i);
                });
        return Arbitraries.oneOf(signed, tampered, withQuery, emptyUrl, astral,
                urlish().map(u -> "/" + u), anyAscii().map(u -> "/" + u));
    }

    /** A go-camo request target computed with the JDK alone: {@code /<digest>/<url>} in the given layout. */
    private static String goCamoTarget(String url, String layout, String secret) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] bytes = url.getBytes(StandardCharsets.UTF_8);
            byte[] digest = mac.doFinal(bytes);
            java.util.function.Function<byte[], String> encode = switch (layout) {
                case "hex" -> HexFormat.of()::formatHex;
                case "HEX" -> HexFormat.of().withUpperCase()::formatHex;
                case "base64" -> java.util.Base64.getUrlEncoder().withoutPadding()::encodeToString;
                default -> java.util.Base64.getUrlEncoder()::encodeToString;
            };
            return "/" + encode.apply(digest) + "/" + encode.apply(bytes);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** When the fast path answers, the full parser accepts the URL exactly as verify's slow path demands. */
    private static void assertAgrees(String url) {
        String host = CamoVerifier.plainHttpHost(url);
        if (host == null) {
            return;
        }
        GoUrl parsed = GoUrl.parse(url);
        assertNotNull(parsed, url);
        assertTrue(parsed.scheme().equals("http") || parsed.scheme().equals("https"), url);
        assertTrue(!parsed.hasUserinfo(), url);
        assertEquals(GoUrl.text(parsed.hostname()), host, url);
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            assertTrue(c >= 0x20 && c != 0x7f, url);
        }
    }
}
