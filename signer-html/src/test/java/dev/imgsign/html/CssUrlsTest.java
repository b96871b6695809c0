package dev.imgsign.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * URLs found in inline styles, per the CSS Syntax Level 3 tokenizer (url token, function token,
 * string token, comment, escape rules; worked by hand from the specification).
 */
class CssUrlsTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("background-image: url(http://a.test/x.png)", List.of("http://a.test/x.png")),
                Arguments.of("background: red URL(  http://a.test/x.png  ) no-repeat", List.of("http://a.test/x.png")),
                Arguments.of("background: url(\"http://a.test/x.png\")", List.of("http://a.test/x.png")),
                Arguments.of("background: url( 'http://a.test/x.png' )", List.of("http://a.test/x.png")),
                // escapes in the url token, in a string and in the function name
                Arguments.of("background: url(http\\3a //a.test/\\(x\\).png)", List.of("http://a.test/(x).png")),
                Arguments.of("background: url('http://a.test/it\\'s.png')", List.of("http://a.test/it's.png")),
                Arguments.of("background: \\75 rl(http://a.test/x.png)", List.of("http://a.test/x.png")),
                Arguments.of("background: u\\rl(http://a.test/x.png)", List.of("http://a.test/x.png")),
                // several properties, several URLs
                Arguments.of("background: url(http://a.test/1.png), url('http://a.test/2.png'); "
                        + "list-style-image: url(http://a.test/3.png)",
                        List.of("http://a.test/1.png", "http://a.test/2.png", "http://a.test/3.png")),
                // image-set: strings are URLs, so are url() inside it
                Arguments.of("background-image: image-set('http://a.test/1.png' 1x, url(http://a.test/2.png) 2x)",
                        List.of("http://a.test/1.png", "http://a.test/2.png")),
                Arguments.of("background-image: -webkit-image-set(\"http://a.test/1.png\" 1x)",
                        List.of("http://a.test/1.png")),
                // comments and strings hide url(
                Arguments.of("/* url(http://a.test/no.png) */ color: red", List.of()),
                Arguments.of("content: 'url(http://a.test/no.png)'", List.of()),
                Arguments.of("content: \"\\\"url(x)\"; background: url(http://a.test/yes.png)",
                        List.of("http://a.test/yes.png")),
                // a newline ends a bad string; what follows is read again
                Arguments.of("content: 'abc\nbackground: url(http://a.test/yes.png)", List.of("http://a.test/yes.png")),
                // strings outside url()/image-set() are not URLs
                Arguments.of("font-family: 'http://a.test/font'", List.of()),
                // other functions named like url are not url
                Arguments.of("background: myurl(http://a.test/no.png) -url(http://a.test/no2.png)", List.of()),
                // bad url tokens are fetched by nobody
                Arguments.of("background: url(http://a.test/a b.png)", List.of()),
                Arguments.of("background: url(http://a.test/a\"b.png)", List.of()),
                Arguments.of("background: url(http://a.test/a(b.png) url(http://a.test/next.png)",
                        List.of("http://a.test/next.png")),
                // EOF ends a url token (a parse error, still fetched)
                Arguments.of("background: url(http://a.test/eof.png", List.of("http://a.test/eof.png")),
                Arguments.of("background: url(", List.of("")),
                // function names compare ASCII case-insensitively: no Unicode case folding
                Arguments.of("background: \u0131mage-set('http://a.test/no.png' 1x) image-\u017fet('http://a.test/no2.png')"
                        + " \u0130MAGE-SET('http://a.test/no3.png') \u017frc('http://a.test/no4.png')", List.of()),
                Arguments.of("background: IMAGE-SET('http://a.test/1.png' 1x); mask: image('http://a.test/2.png');"
                        + " cursor: SRC('http://a.test/3.png')", List.of("http://a.test/1.png", "http://a.test/2.png", "http://a.test/3.png")),
                Arguments.of("", List.of()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void findsTheUrlsTheBrowserFetches(String css, List<String> expected) {
        List<String> found = new ArrayList<>();
        String unchanged = CssUrls.rewrite(css, url -> {
            found.add(url);
            return null;
        });
        assertEquals(expected, found);
        assertEquals(css, unchanged);
    }

    @Test
    void replacesEachUrlWithAQuotedStringKeepingTheRest() {
        String css = "background: red url(http://a.test/x.png) no-repeat; b: image-set(\"http://a.test/y.png\" 2x)";
        String out = CssUrls.rewrite(css, url -> "https://p.test/" + url.substring(url.lastIndexOf('/') + 1));
        assertEquals("background: red url('https://p.test/x.png') no-repeat; b: image-set('https://p.test/y.png' 2x)", out);
    }

    @Test
    void escapesQuotesBackslashesAndControlsInReplacements() {
        String out = CssUrls.rewrite("a: url(x)", url -> "it's\\a\nb");
        assertEquals("a: url('it\\'s\\\\a\\a b')", out);
        List<String> back = new ArrayList<>();
        CssUrls.rewrite(out, url -> {
            back.add(url);
            return null;
        });
        assertEquals(List.of("it's\\a\nb"), back);
    }

    @Test
    void dropAttributeStopsAndReturnsNull() {
        assertNull(CssUrls.rewrite("a: url(x); b: url(y)", url -> CssUrls.DROP_ATTRIBUTE));
    }

    @Test
    void deepNestingStaysBounded() {
        String css = "a: " + "f(".repeat(100_000) + "image-set('http://a.test/x.png')" + ")".repeat(100_000);
        List<String> found = new ArrayList<>();
        CssUrls.rewrite(css, url -> {
            found.add(url);
            return null;
        });
        assertEquals(List.of("http://a.test/x.png"), found);
    }
}
