package dev.imgsign.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One row per element and per policy. The signer here writes {@code https://proxy.test/p/<url>} so each
 * expected output shows exactly which URL was handed to it; signatures are {@code CamoRewriteTest}'s job.
 */
class HtmlImageRewriterTest {
    static final String P = "https://proxy.test/p/";

    static String sign(ImageRef image) {
        if (image.url().contains("refused")) {
            throw new IllegalArgumentException("refused");
        }
        return P + image.url();
    }

    static HtmlImageRewriter.Builder base() {
        return HtmlImageRewriter.builder(HtmlImageRewriterTest::sign).proxyPrefix("https://proxy.test/p");
    }

    static Arguments row(String name, UnaryOperator<HtmlImageRewriter.Builder> options, String in, String out) {
        return Arguments.of(name, options, in, out);
    }

    static Stream<Arguments> elements() {
        UnaryOperator<HtmlImageRewriter.Builder> none = b -> b;
        return Stream.of(
                row("img src", none, "<img src=\"http://a.test/x.png\" alt=\"x\">",
                        "<img src=\"" + P + "http://a.test/x.png\" alt=\"x\">"),
                row("img srcset keeps descriptors and spacing", none,
                        "<img srcset=\"http://a.test/1.png 1x,  http://a.test/a,b.png 2x,http://a.test/c.png 300w\">",
                        "<img srcset=\"" + P + "http://a.test/1.png 1x,  " + P + "http://a.test/a,b.png 2x," + P
                                + "http://a.test/c.png 300w\">"),
                row("img srcset mixes proxied and kept candidates", none,
                        "<img srcset=\"/local.png 1x, http://a.test/2.png 2x, https://b.test/3.png 3x\">",
                        "<img srcset=\"/local.png 1x, " + P + "http://a.test/2.png 2x, https://b.test/3.png 3x\">"),
                row("picture source srcset", none,
                        "<picture><source srcset=\"http://a.test/x.webp\" type=\"image/webp\"><img src=\"http://a.test/x.png\"></picture>",
                        "<picture><source srcset=\"" + P + "http://a.test/x.webp\" type=\"image/webp\"><img src=\"" + P
                                + "http://a.test/x.png\"></picture>"),
                row("video poster (not its src)", none,
                        "<video poster=\"http://a.test/p.jpg\" src=\"http://a.test/v.mp4\" controls></video>",
                        "<video poster=\"" + P + "http://a.test/p.jpg\" src=\"http://a.test/v.mp4\" controls></video>"),
                row("input src, whatever the type (a script may make it type=image)", none,
                        "<input type=\"IMAGE\" src=\"http://a.test/b.png\"><input type=\"text\" src=\"http://a.test/t.png\">",
                        "<input type=\"IMAGE\" src=\"" + P + "http://a.test/b.png\"><input type=\"text\" src=\"" + P + "http://a.test/t.png\">"),
                row("img lowsrc and dynsrc (legacy)", none,
                        "<img lowsrc=\"http://a.test/l.png\" dynsrc=\"http://a.test/d.avi\">",
                        "<img lowsrc=\"" + P + "http://a.test/l.png\" dynsrc=\"" + P + "http://a.test/d.avi\">"),
                row("embed src", none, "<embed src=\"http://a.test/e.png\" type=\"image/png\">",
                        "<embed src=\"" + P + "http://a.test/e.png\" type=\"image/png\">"),
                row("object data", none, "<object data=\"http://a.test/o.png\" type=\"image/png\"></object>",
                        "<object data=\"" + P + "http://a.test/o.png\" type=\"image/png\"></object>"),
                row("svg feImage href and xlink:href", none,
                        "<svg><filter><feImage href=\"http://a.test/1.png\" /><feimage xlink:href=\"http://a.test/2.png\" /></filter></svg>",
                        "<svg><filter><feImage href=\"" + P + "http://a.test/1.png\" /><feimage xlink:href=\"" + P
                                + "http://a.test/2.png\" /></filter></svg>"),
                row("svg presentation attributes with url()", b -> b.rewriteStyles(false),
                        "<svg><rect fill=\"url(http://a.test/f.svg#g)\" stroke=\"URL('http://a.test/s.svg#g')\" "
                                + "filter=\"url(http://a.test/x.svg#f)\" mask=\"url(http://a.test/m.png)\" "
                                + "clip-path=\"url(http://a.test/c.svg#c)\" cursor=\"url(http://a.test/c.cur), auto\" /></svg>",
                        "<svg><rect fill=\"url('" + P + "http://a.test/f.svg#g')\" stroke=\"URL('" + P + "http://a.test/s.svg#g')\" "
                                + "filter=\"url('" + P + "http://a.test/x.svg#f')\" mask=\"url('" + P + "http://a.test/m.png')\" "
                                + "clip-path=\"url('" + P + "http://a.test/c.svg#c')\" cursor=\"url('" + P + "http://a.test/c.cur'), auto\" /></svg>"),
                row("svg markers with url(), same-document references left alone", none,
                        "<svg><path marker=\"url(http://a.test/0.svg#m)\" marker-start=\"url(http://a.test/1.svg#m)\" "
                                + "marker-mid=\"url(http://a.test/2.svg#m)\" marker-end=\"url(#m)\" fill=\"red\" /></svg>",
                        "<svg><path marker=\"url('" + P + "http://a.test/0.svg#m')\" marker-start=\"url('" + P
                                + "http://a.test/1.svg#m')\" marker-mid=\"url('" + P + "http://a.test/2.svg#m')\" "
                                + "marker-end=\"url(#m)\" fill=\"red\" /></svg>"),
                row("mathml mglyph src", none, "<math><mi><mglyph src=\"http://a.test/g.png\"></mglyph></mi></math>",
                        "<math><mi><mglyph src=\"" + P + "http://a.test/g.png\"></mglyph></mi></math>"),
                row("svg animations cannot set a URL later", none,
                        "<svg><image><set attributeName=\"href\" to=\"http://a.test/x.png\" /><animate attributeName=\"xlink:href\" "
                                + "values=\"http://a.test/1.png;http://a.test/2.png\" dur=\"1s\" /></image><rect><animate "
                                + "attributeName=\"opacity\" from=\"0\" to=\"1\" /><set attributeName=\"cursor\" to=\"pointer\" />"
                                + "<set attributeType=\"CSS\" attributeName=\"background-image\" to=\"url(http://a.test/b.png)\" /></rect></svg>",
                        "<svg><image><set attributeName=\"href\" /><animate attributeName=\"xlink:href\" dur=\"1s\" /></image><rect><animate "
                                + "attributeName=\"opacity\" from=\"0\" to=\"1\" /><set attributeName=\"cursor\" />"
                                + "<set attributeType=\"CSS\" attributeName=\"background-image\" /></rect></svg>"),
                row("svg image href and xlink:href", none,
                        "<svg><image href=\"http://a.test/1.png\" /><image xlink:href=\"http://a.test/2.png\" /></svg>",
                        "<svg><image href=\"" + P + "http://a.test/1.png\" /><image xlink:href=\"" + P
                                + "http://a.test/2.png\" /></svg>"),
                row("legacy background attribute", none,
                        "<table background=\"http://a.test/t.png\"><tbody><tr><td background=\"http://a.test/c.png\">x</td></tr></tbody></table>",
                        "<table background=\"" + P + "http://a.test/t.png\"><tbody><tr><td background=\"" + P
                                + "http://a.test/c.png\">x</td></tr></tbody></table>"),
                row("style left alone on request", b -> b.rewriteStyles(false),
                        "<div style=\"background: url(http://a.test/bg.png)\">x</div>",
                        "<div style=\"background: url(http://a.test/bg.png)\">x</div>"),
                row("style url() by default", none,
                        "<div style=\"background: red url(http://a.test/bg.png) no-repeat; color: blue\">x</div>",
                        "<div style=\"background: red url('" + P + "http://a.test/bg.png') no-repeat; color: blue\">x</div>"),
                row("style on any element, image-set strings", b -> b.rewriteStyles(true),
                        "<span style='background-image: image-set(\"http://a.test/1.png\" 1x)'>x</span>",
                        "<span style=\"background-image: image-set('" + P + "http://a.test/1.png' 1x)\">x</span>"),
                row("links, frames, media and data-src are not images here", b -> b.rewriteStyles(true),
                        "<a href=\"http://a.test/x.png\">l</a><iframe src=\"http://a.test/f\"></iframe>"
                                + "<img data-src=\"http://a.test/lazy.png\"><audio src=\"http://a.test/a.mp3\"></audio>",
                        "<a href=\"http://a.test/x.png\">l</a><iframe src=\"http://a.test/f\"></iframe>"
                                + "<img data-src=\"http://a.test/lazy.png\"><audio src=\"http://a.test/a.mp3\"></audio>"),
                row("entity-encoded and uppercase attribute values are decoded first", none,
                        "<IMG SRC=\"http&#58;//a.test/x.png?a=1&amp;b=2\">",
                        "<img src=\"" + P + "http://a.test/x.png?a=1&amp;b=2\">"));
    }

    static Stream<Arguments> policies() {
        UnaryOperator<HtmlImageRewriter.Builder> none = b -> b;
        return Stream.of(
                row("https left alone by default", none, "<img src=\"https://a.test/x.png\">",
                        "<img src=\"https://a.test/x.png\">"),
                row("https proxied when skipHttps is off", b -> b.skipHttps(false), "<img src=\"https://a.test/x.png\">",
                        "<img src=\"" + P + "https://a.test/x.png\">"),
                row("relative, root-relative, query and fragment left alone", none,
                        "<img src=\"x.png\"><img src=\"/x.png\"><img src=\"?x\"><img src=\"#x\"><img src=\"\"><img src>",
                        "<img src=\"x.png\"><img src=\"/x.png\"><img src=\"?x\"><img src=\"#x\"><img src=\"\"><img src>"),
                row("data: and other schemes left alone", none,
                        "<img src=\"data:image/png;base64,iVBORw0KGgo=\"><img src=\"javascript:x()\"><img src=\"ftp://a.test/x\">",
                        "<img src=\"data:image/png;base64,iVBORw0KGgo=\"><img src=\"javascript:x()\"><img src=\"ftp://a.test/x\">"),
                row("protocol-relative read as https by default (so left alone)", none,
                        "<img src=\"//a.test/x.png\">", "<img src=\"//a.test/x.png\">"),
                row("protocol-relative with https proxied", b -> b.skipHttps(false),
                        "<img src=\"//a.test/x.png\">", "<img src=\"" + P + "https://a.test/x.png\">"),
                row("protocol-relative read as http", b -> b.protocolRelativeScheme("http"),
                        "<img src=\"//a.test/x.png\"><img src=\"\\\\a.test\\y.png\">",
                        "<img src=\"" + P + "http://a.test/x.png\"><img src=\"" + P + "http://a.test/y.png\">"),
                row("what browsers strip is stripped before deciding", none,
                        "<img src=\" \tHTTP://a.test/x.png\n\">", "<img src=\"" + P + "http://a.test/x.png\">"),
                row("allowed host, any case and port", b -> b.allowHost("CDN.site.test"),
                        "<img src=\"http://cdn.site.test:8080/x.png\"><img src=\"http://cdn.site.test.evil.test/x.png\">",
                        "<img src=\"http://cdn.site.test:8080/x.png\"><img src=\"" + P + "http://cdn.site.test.evil.test/x.png\">"),
                row("allowed subdomains with a leading dot", b -> b.allowHost(".site.test"),
                        "<img src=\"http://a.b.site.test/x.png\"><img src=\"http://site.test/x.png\"><img src=\"http://evilsite.test/x.png\">",
                        "<img src=\"http://a.b.site.test/x.png\"><img src=\"" + P + "http://site.test/x.png\"><img src=\""
                                + P + "http://evilsite.test/x.png\">"),
                row("userinfo does not fake an allowed host", b -> b.allowHost("cdn.site.test"),
                        "<img src=\"http://cdn.site.test@evil.test/x.png\">",
                        "<img src=\"" + P + "http://cdn.site.test@evil.test/x.png\">"),
                row("already proxied (either scheme) left alone", b -> b.skipHttps(false),
                        "<img src=\"https://proxy.test/p/abc/def\"><img src=\"http://PROXY.test/p?url=x\">",
                        "<img src=\"https://proxy.test/p/abc/def\"><img src=\"http://PROXY.test/p?url=x\">"),
                row("refused URL dropped by default", none,
                        "<img src=\"http://a.test/refused.png\" srcset=\"http://a.test/refused.png 2x\" alt=\"a\">",
                        "<img alt=\"a\">"),
                row("refused URL kept with the KEEP opt-in", b -> b.onFailure(FailureAction.KEEP),
                        "<img src=\"http://a.test/refused.png\" srcset=\"http://a.test/refused.png 2x\">",
                        "<img src=\"http://a.test/refused.png\" srcset=\"http://a.test/refused.png 2x\">"),
                row("refused URL dropped on request", b -> b.onFailure(FailureAction.DROP),
                        "<img src=\"http://a.test/refused.png\" alt=\"a\"><video poster=\"http://a.test/refused.png\"></video>",
                        "<img alt=\"a\"><video></video>"),
                row("one refused srcset candidate dropped", b -> b.onFailure(FailureAction.DROP),
                        "<img srcset=\"http://a.test/refused.png 1x, http://a.test/ok.png 2x\">",
                        "<img srcset=\"" + P + "http://a.test/ok.png 2x\">"),
                row("last srcset candidate dropped", b -> b.onFailure(FailureAction.DROP),
                        "<img srcset=\"http://a.test/ok.png 1x, http://a.test/refused.png 2x\">",
                        "<img srcset=\"" + P + "http://a.test/ok.png 1x\">"),
                row("every srcset candidate dropped removes the attribute", b -> b.onFailure(FailureAction.DROP),
                        "<img srcset=\"http://a.test/refused.png 1x, http://b.test/refused.png 2x\" alt=\"a\">",
                        "<img alt=\"a\">"),
                row("refused style URL drops the style on request", b -> b.rewriteStyles(true).onFailure(FailureAction.DROP),
                        "<p style=\"color: red; background: url(http://a.test/refused.png)\">x</p>", "<p>x</p>"),
                row("URL budget: the rest dropped", b -> b.maxUrls(1).onFailure(FailureAction.DROP),
                        "<img src=\"http://a.test/1.png\"><img src=\"http://a.test/2.png\">",
                        "<img src=\"" + P + "http://a.test/1.png\"><img>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"elements", "policies"})
    void rewrites(String name, UnaryOperator<HtmlImageRewriter.Builder> options, String in, String expected) {
        HtmlImageRewriter rewriter = options.apply(base()).build();
        String out = rewriter.rewriteFragment(in);
        assertEquals(expected, out);
        assertEquals(out, rewriter.rewriteFragment(out), "rewriting twice changes nothing");
    }

    @Test
    void preservesEverythingElse() {
        String in = "<p class=\"c\" title=\"a &amp; b &lt; c\" data-x=\"1\">x &lt; y &amp; z <!-- a comment -->"
                + "<b>bold</b> é ☃ 😀 &nbsp;<br><img src=\"http://a.test/x.png\" alt=\"&quot;q&quot;\" width=\"10\"></p>\n<ul>\n  <li>one</li>\n</ul>";
        String expected = in.replace("http://a.test/x.png", P + "http://a.test/x.png");
        assertEquals(expected, base().build().rewriteFragment(in));
    }

    @Test
    void documentedNormalisations() {
        // Entities the output does not need are written as characters, attribute values get double quotes,
        // names are lowercased, end tags that HTML implies are written out.
        String in = "<P Title='x'>&copy; &#169; <img src=x.png width=10>";
        assertEquals("<p title=\"x\">© © <img src=\"x.png\" width=\"10\"></p>", base().build().rewriteFragment(in));
    }

    @Test
    void rewritesAWholeDocumentKeepingDoctypeHeadAndComments() {
        String in = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>T &amp; U</title>"
                + "<style>p { background: url(http://a.test/css.png) }</style></head>\n"
                + "<body background=\"http://a.test/body.png\"><!-- c --><img src=\"http://a.test/x.png\"></body></html>";
        String expected = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>T &amp; U</title>"
                + "<style>p { background: url(http://a.test/css.png) }</style></head>\n"
                + "<body background=\"" + P + "http://a.test/body.png\"><!-- c --><img src=\"" + P + "http://a.test/x.png\"></body></html>";
        HtmlImageRewriter rewriter = base().rewriteStyles(true).build();
        assertEquals(expected, rewriter.rewriteDocument(in));
        assertEquals(expected, rewriter.rewriteDocument(expected));
    }

    @Test
    void theHookSeesTheImageContext() {
        List<String> seen = new ArrayList<>();
        HtmlImageRewriter rewriter = HtmlImageRewriter.builder(image -> {
            seen.add(image.element() + ' ' + image.attribute() + " [" + image.descriptor() + "] w=" + image.width()
                    + " h=" + image.height() + " dw=" + image.descriptorWidth() + " alt=" + image.attribute("alt").orElse("-")
                    + ' ' + image.url());
            return P + image.url();
        }).build();
        rewriter.rewriteFragment("<img src=\"http://a.test/x.png\" width=\"640\" height=\"50%\" alt=\"A\" "
                + "srcset=\"http://a.test/s.png 320w, http://a.test/l.png 2x\"><video poster=\"//v.test/p.jpg\" width=\" 120px\"></video>");
        assertEquals(List.of(
                "img src [] w=OptionalInt[640] h=OptionalInt.empty dw=OptionalInt.empty alt=A http://a.test/x.png",
                "img srcset [320w] w=OptionalInt[640] h=OptionalInt.empty dw=OptionalInt[320] alt=A http://a.test/s.png",
                "img srcset [2x] w=OptionalInt[640] h=OptionalInt.empty dw=OptionalInt.empty alt=A http://a.test/l.png"),
                seen.subList(0, 3));
        assertEquals(3, seen.size(), "the protocol-relative poster reads as https, left alone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "+7", " 12 ", "12px", "12.5", "12.5%", "50%", "-3", "x", "99999999999"})
    void pixelsFollowTheNonNegativeIntegerRules(String value) {
        OptionalInt expected;
        switch (value) {
            case "0": expected = OptionalInt.of(0); break;
            case "+7": expected = OptionalInt.of(7); break;
            case " 12 ": case "12px": case "12.5": expected = OptionalInt.of(12); break;
            default: expected = OptionalInt.empty(); break;
        }
        assertEquals(expected, ImageRef.pixels(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<", "<img", "<img src=\"http://a.test/x.png", "<img src=http://a.test/x.png", "</p></div></body>",
            "<table><img src=http://a.test/x.png><tr><td>", "<p><div><p>", "<!--", "<!-- <img src=http://a.test/x.png> -->",
            "<svg><img src=http://a.test/x.png></svg>", "<math><mi><img src=http://a.test/x.png>", "<template><img src=http://a.test/x.png></template>",
            "<noscript><img src=http://a.test/x.png></noscript>", "<textarea><img src=http://a.test/x.png></textarea>",
            "<select><img src=http://a.test/x.png></select>", "<img src=http://a.test/x.png srcset=\"", "\u0000<img\u0000 src=http://a.test/x.png>",
            "<html><html><body><body><img src=http://a.test/x.png>", "<frameset><img src=http://a.test/x.png>", "&#0;&#xD800;&#99999999;&bogus;",
            "<img src=\"http://a.test/x.png\" src=\"http://b.test/y.png\">", "<a href=x><a href=y><img src=http://a.test/x.png></a>"})
    void badHtmlGivesStableHtmlWithNoUnproxiedImage(String in) {
        HtmlImageRewriter rewriter = base().rewriteStyles(true).build();
        String out = rewriter.rewriteFragment(in);
        assertEquals(out, rewriter.rewriteFragment(out), "stable: " + out);
        Document parsed = Jsoup.parseBodyFragment(out);
        parsed.select("img[src], img[srcset]").forEach(img -> {
            assertTrue(!img.attr("src").contains("a.test") || img.attr("src").startsWith(P), out);
        });
        parsed.select("img[srcset]").forEach(img -> assertTrue(!img.attr("srcset").contains("http://a.test"), out));
    }

    @Test
    void urlsOverTheBudgetAreKeptForALaterPassWithKeep() {
        HtmlImageRewriter rewriter = base().maxUrls(2).onFailure(FailureAction.KEEP).build();
        String in = "<img src=\"http://a.test/1.png\"><img src=\"https://a.test/skip.png\">"
                + "<img src=\"http://a.test/2.png\"><img src=\"http://a.test/3.png\">";
        String once = "<img src=\"" + P + "http://a.test/1.png\"><img src=\"https://a.test/skip.png\">"
                + "<img src=\"" + P + "http://a.test/2.png\"><img src=\"http://a.test/3.png\">";
        assertEquals(once, rewriter.rewriteFragment(in));
        assertEquals(once.replace("\"http://a.test/3.png", "\"" + P + "http://a.test/3.png"), rewriter.rewriteFragment(once));
    }

    @Test
    void aSignedUrlThatCannotBeASrcsetCandidateIsAFailure() {
        HtmlImageRewriter rewriter = HtmlImageRewriter.builder(image -> "https://p.test/a b").onFailure(FailureAction.KEEP).build();
        assertEquals("<img srcset=\"http://a.test/x.png 2x\" src=\"https://p.test/a b\">",
                rewriter.rewriteFragment("<img srcset=\"http://a.test/x.png 2x\" src=\"http://a.test/x.png\">"));
        HtmlImageRewriter comma = HtmlImageRewriter.builder(image -> "https://p.test/a,").onFailure(FailureAction.DROP).build();
        assertEquals("<img>", comma.rewriteFragment("<img srcset=\"http://a.test/x.png 2x\">"));
    }

    @Test
    void nullAndOversizedInputGiveEmptyOutput() {
        HtmlImageRewriter rewriter = base().maxInputLength(10).build();
        assertEquals("", rewriter.rewriteFragment(null));
        assertEquals("", rewriter.rewriteDocument(null));
        assertEquals("<b>x</b>", rewriter.rewriteFragment("<b>x</b>"));
        assertEquals("", rewriter.rewriteFragment("<img src=x>"));
        assertEquals("", rewriter.rewriteDocument("<img src=x>"));
    }

    @Test
    void otherHookExceptionsAreBugsAndPropagate() {
        HtmlImageRewriter rewriter = HtmlImageRewriter.builder(image -> {
            throw new IllegalStateException("bug");
        }).build();
        assertThrows(IllegalStateException.class, () -> rewriter.rewriteFragment("<img src=http://a.test/x.png>"));
    }

    @Test
    void aNullFromTheHookIsAFailure() {
        HtmlImageRewriter rewriter = HtmlImageRewriter.builder(image -> null).onFailure(FailureAction.DROP).build();
        assertEquals("<img alt=\"a\">", rewriter.rewriteFragment("<img src=http://a.test/x.png alt=a>"));
    }

    @Test
    void rewritesAJsoupTreeInPlace() {
        Document document = Jsoup.parse("<img src=http://a.test/1.png><img src=https://a.test/2.png><img src=http://a.test/3.png>");
        assertEquals(2, base().build().rewrite(document));
        assertEquals(P + "http://a.test/3.png", document.select("img").get(2).attr("src"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "a/b", "a:80", "a b", "user@a", "%61", ".[::1]", "xn--zca", "\u00ad"})
    void rejectsBadAllowedHosts(String host) {
        assertThrows(IllegalArgumentException.class, () -> base().allowHost(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/camo", "camo.test", "ftp://x", "https://", "https://x/?q", "https://x/#f",
            "https://u@x/", "https://x:99999/", "https://a b/", "https://x%zz/"})
    void rejectsBadProxyPrefixes(String prefix) {
        assertThrows(IllegalArgumentException.class, () -> base().proxyPrefix(prefix));
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> base().protocolRelativeScheme("ftp"));
        assertThrows(IllegalArgumentException.class, () -> base().maxUrls(-1));
        assertThrows(IllegalArgumentException.class, () -> base().maxInputLength(-1));
        assertThrows(NullPointerException.class, () -> HtmlImageRewriter.builder(null));
    }
}
