package dev.imgsign.html;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fuzz oracle itself: it must see what a browser would fetch, and accept what it would not. */
class UnproxiedImageOracleTest {
    static final UnproxiedImageOracle ORACLE = new UnproxiedImageOracle("camo.test");

    @ParameterizedTest
    @ValueSource(strings = {"<img src=\"http://evil.test/x\">", "<img src=\" \u0001HTTP:\\\\evil.test\">",
            "<img srcset=\"x.png 1x, //evil.test/y 2x\">", "<video poster=\"https://evil.test/p\"></video>",
            "<input src=\"http:evil.test/x\">", "<embed src=\"//evil.test/e\">", "<object data=\"http://evil.test/o\"></object>",
            "<svg><image xlink:href=\"http://evil.test/i\"/></svg>", "<svg><feImage href=\"http://evil.test/f\"/></svg>",
            "<math><mglyph src=\"http://evil.test/g\"></mglyph></math>", "<td background=\"http://evil.test/b\">",
            "<p style=\"background: \\75 rl(http://evil.test/s)\">", "<svg><rect fill=\"url('http://evil.test/f')\"/></svg>",
            "<p style=\"background: image-set('http://evil.test/s' 1x)\">", "<base href=\"http://evil.test/\">",
            "<img src=\"http://camo.test.evil.test/x\">", "<img src=\"http://camo.test:8080/x\">", "<img src=\"http://u@camo.test/x\">",
            "<img src=\"http://camo.t\u0131st/x\">", "<svg><set attributeName=\"href\" to=\"http://evil.test/x\"/></svg>",
            "<img lowsrc=\"http://evil.test/l\">", "<noscript><p title=\"</noscript><img src=http://evil.test/x>\"></noscript>",
            "<p title='<!--'><img src=\"http://evil.test/x\">"})
    void seesWhatABrowserFetches(String html) {
        assertThrows(AssertionError.class, () -> ORACLE.check(html, false), html);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<img src=\"https://camo.test/a/b\">", "<img src=\"http://CAMO.TEST.:80/a\">", "<img src=\"x.png\">",
            "<img src=\"data:image/png,x\">", "<a href=\"http://evil.test/\">a</a>", "<script>'<img src=http://evil.test/x>'</script>",
            "<!-- <img src=http://evil.test/x> -->", "<p style=\"content: 'url(http://evil.test/x)'\">",
            "<svg><rect fill=\"url(#g)\"/></svg>", "<img src=\"http://camo.%74est/x\">", "<img src=\"http://\">",
            "<img src=\"http://u@#camo.test/x\">", // no host after the user info (fuzz finding on the oracle)
            "<p style=\"background: image-set('http://evil.test/x&#10; 1x)\">", // a newline makes a bad string
            "<p><img src=\"http://evil.test/x\" alt=\"unterminated", // the input ends inside the tag: no tag (fuzz finding on the oracle)
            // url("...") takes one string, and none after a bad one (fuzz finding on the oracle)
            "<svg><rect fill=\"url('a' 'http://evil.test/x')\"/><rect fill=\"url('a&#10;' 'http://evil.test/y')\"/></svg>",
            // a bad url token swallows everything to its ')', the image-set string included (fuzz finding on the oracle)
            "<p style=\"background: \\75 rl(http://evil.test/a; x: image-set('http://evil.test/b' 1x)\">"})
    void acceptsWhatABrowserDoesNotFetchOffSite(String html) {
        ORACLE.check(html, false);
    }
}
