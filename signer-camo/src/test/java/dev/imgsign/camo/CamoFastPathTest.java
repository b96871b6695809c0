package dev.imgsign.camo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.peer.go.GoUrl;
import dev.imgsign.core.internal.Percent;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The go-camo verifier's fast paths equal their references: {@link CamoVerifier#plainHttpHost} against
 * {@link GoUrl#parse} (the full go1.19 port), and the plain-ASCII path bytes against {@link Percent#decode}.
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

    @Provide
    Arbitrary<String> latin1() {
        return Arbitraries.strings().withCharRange((char) 0, (char) 0xff).ofMaxLength(30);
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
