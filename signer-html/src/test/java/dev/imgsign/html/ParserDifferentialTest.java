package dev.imgsign.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Markup that jsoup reads as data or comment but a browser, parsing the serialised output, reads as an
 * image tag: each would load an unproxied image if written back unchanged. The browser's reading is the
 * HTML standard's tree construction (rules for foreign content, integration points, {@code noscript}
 * with scripting enabled, CDATA outside foreign content is a bogus comment ending at the first
 * {@code >}), worked by hand for each row.
 */
class ParserDifferentialTest {
    static final String P = "https://p.test/";
    static final HtmlImageRewriter REWRITER = HtmlImageRewriter.builder(image -> P + image.url()).build();

    static Stream<Arguments> cases() {
        return Stream.of(
                // jsoup 1.21.2 misses </style> or </script> right after "</st" / "</sc"; a browser ends the
                // element there and loads the image (fuzz finding): such data becomes escaped text
                Arguments.of("<style>x</st</style><img src=\"http://evil.test/0.png\">",
                        "<style>x&lt;/st&lt;/style&gt;&lt;img src=\"http://evil.test/0.png\"&gt;</style>"),
                Arguments.of("<p><script>x</sc</script><img src=\"http://evil.test/0.png\">",
                        "<p><script>x&lt;/sc&lt;/script&gt;&lt;img src=\"http://evil.test/0.png\"&gt;</script></p>"),
                // <script> in SVG is foreign: a browser tokenizes its content, and <img> breaks out of SVG
                Arguments.of("<svg><script><img src=http://evil.test/1.png></script></svg>",
                        "<svg><script>&lt;img src=http://evil.test/1.png&gt;</script></svg>"),
                // <mglyph> in <mtext> stays MathML, so <style> under it is foreign too (jsoup: raw text)
                Arguments.of("<math><mtext><table><mglyph><style><img src=http://evil.test/2.png>",
                        "<math><mtext><mglyph><style>&lt;img src=http://evil.test/2.png&gt;</style></mglyph><table></table></mtext></math>"),
                // with scripting on, </noscript> ends noscript even inside <style> or a comment
                Arguments.of("<noscript><style></noscript><img src=http://evil.test/3.png></style></noscript>",
                        "<noscript><style>&lt;/noscript&gt;&lt;img src=http://evil.test/3.png&gt;</style></noscript>"),
                Arguments.of("<noscript><!-- </noscript><img src=http://evil.test/4.png> --></noscript>",
                        "<noscript></noscript>"),
                // CDATA outside foreign content is a bogus comment to a browser, ended by the first '>'
                Arguments.of("<div><![CDATA[ a><img src=http://evil.test/5.png> ]]></div>",
                        "<div> a&gt;&lt;img src=http://evil.test/5.png&gt; </div>"),
                // inside SVG, CDATA is text: escaping it keeps the same characters
                Arguments.of("<svg><![CDATA[ a><img src=http://evil.test/6.png> ]]></svg>",
                        "<svg> a&gt;&lt;img src=http://evil.test/6.png&gt; </svg>"),
                // an SVG <image> read as HTML becomes <img src>
                Arguments.of("<svg><image src=http://evil.test/7.png /></svg>",
                        "<svg><image src=\"" + P + "http://evil.test/7.png\" /></svg>"),
                // comment ends jsoup and browsers agree on: --!>, <!-->, <!--->
                Arguments.of("<!-- a --!><img src=http://evil.test/8.png> -->",
                        "<!-- a --><img src=\"" + P + "http://evil.test/8.png\"> --&gt;"),
                Arguments.of("<!--><img src=http://evil.test/9.png>-->",
                        "<!----><img src=\"" + P + "http://evil.test/9.png\">--&gt;"),
                // a processing instruction is a bogus comment up to the first '>' for both
                Arguments.of("<?php <img src=http://evil.test/10.png> ?>",
                        "<!--?php <img src=http://evil.test/10.png--> ?&gt;"),
                // nested-form re-parenting: still only escaped text under MathML
                Arguments.of("<form><math><mtext></form><form><mglyph><style></math><img src=http://evil.test/11.png>",
                        "<form><math><mtext><form><mglyph><style>&lt;/math&gt;&lt;img src=http://evil.test/11.png&gt;</style></mglyph></form></mtext></math></form>"),
                // raw text in HTML content is raw text to browsers too: kept as written
                Arguments.of("<svg><foreignObject><style>a > b { color: red }</style></foreignObject></svg><style>p > a {}</style>",
                        "<svg><foreignObject><style>a > b { color: red }</style></foreignObject></svg><style>p > a {}</style>"),
                Arguments.of("<script>if (a <b) x()</script><!-- <b>note</b> -->",
                        "<script>if (a <b) x()</script><!-- <b>note</b> -->"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void neverWritesAnImageTagBackAsDataOrComment(String in, String expected) {
        String out = REWRITER.rewriteFragment(in);
        assertEquals(expected, out);
        String outsideComments = withoutComments(out);
        assertFalse(outsideComments.contains("<img src=http://evil") || outsideComments.contains("<img src=\"http://evil"), out);
    }

    private static String withoutComments(String html) {
        StringBuilder b = new StringBuilder();
        int from = 0;
        for (int open = html.indexOf("<!--"); open >= 0; open = html.indexOf("<!--", from)) {
            b.append(html, from, open);
            int close = html.indexOf("-->", open + 4);
            from = close < 0 ? html.length() : close + 3;
        }
        return b.append(html, Math.min(from, html.length()), html.length()).toString();
    }
}
