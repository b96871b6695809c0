package dev.imgsign.peer.go;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.vectors.TestVectors;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The Go net/url emulation against outputs of Go 1.19 itself (the camo and imageproxy vectors). */
class GoUrlTest {

    /** camo.json: what go-camo reads of {@code url.Parse} (Scheme, Hostname(), User != nil). */
    @TestFactory
    Stream<DynamicTest> parseAgreesWithGo() {
        List<TestVectors.Vector> vectors = TestVectors.load("camo").tests("GoUrlParse");
        return vectors.stream().map(v -> DynamicTest.dynamicTest(v + " " + v.get("url"), () -> {
            String url = GoUrl.bytes(v.get("url"));
            GoUrl parsed = GoUrl.parse(url);
            assertEquals(v.valid(), parsed != null, "parses? " + GoUrl.parseError(url));
            assertEquals(v.valid(), GoUrl.parseError(url) == null, "parse error");
            if (v.valid()) {
                assertEquals(v.get("scheme"), parsed.scheme(), "scheme");
                assertEquals(v.get("hostname"), GoUrl.text(parsed.hostname()), "hostname");
                assertEquals(Boolean.parseBoolean(v.get("userinfo")), parsed.hasUserinfo(), "userinfo");
            }
        }));
    }

    /** unescape decodes into bytes for a Go string and into chars for any other text, alike. */
    @org.junit.jupiter.api.Test
    void unescapeKeepsEveryChar() {
        assertEquals("aA+b \u00c3\u00bc", GoUrl.unescape("a%41+b%20%c3%bc", GoUrl.Mode.PATH));
        assertEquals("aA b", GoUrl.unescape("a%41+b", GoUrl.Mode.QUERY_COMPONENT));
        assertEquals("\u0101A+\uFFFF", GoUrl.unescape("\u0101%41+\uFFFF", GoUrl.Mode.PATH));
        assertEquals("a b", GoUrl.unescape("a+b", GoUrl.Mode.QUERY_COMPONENT));
        assertNull(GoUrl.unescape("\u0101%4", GoUrl.Mode.PATH));
    }

    /** EscapedPath keeps a valid raw path (its own escapes) and re-escapes an invalid one. */
    @org.junit.jupiter.api.Test
    void escapedPathKeepsAValidRawPath() {
        assertEquals("/a%41%2Fb", GoUrl.parse("/a%41%2Fb").escapedPath());
        assertEquals("/a%41!b", GoUrl.parse("/a%41!b").escapedPath());
        assertEquals("/aA%7Bb", GoUrl.parse("/a%41{b").escapedPath()); // an invalid raw path: the path escaped afresh
        assertEquals("/aA%7Bb", GoUrl.parse("/aA{b").escapedPath());
        assertEquals("/%C3%BC", GoUrl.parse("/\u00c3\u00bc").escapedPath());
    }

    /** imageproxy.json: {@code url.Parse} then {@code URL.String}. */
    @TestFactory
    Stream<DynamicTest> parseAndStringMatchGo() {
        List<TestVectors.Vector> vectors = TestVectors.load("imageproxy").tests("ImageproxyUrlNormalisation");
        assertTrue(vectors.size() > 40);
        return vectors.stream().map(v -> DynamicTest.dynamicTest(v + " " + v.get("url"), () -> {
            GoUrl u = GoUrl.parse(GoUrl.bytes(v.get("url")));
            if (v.valid()) {
                assertEquals(v.get("goString"), GoUrl.text(u.toString()));
            } else {
                assertNull(u, "Go refuses this URL");
            }
        }));
    }
}
