package dev.imgsign.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.camo.CamoSigner;
import dev.imgsign.core.KeySet;
import dev.imgsign.imageproxy.ImageproxyOptions;
import dev.imgsign.imageproxy.ImageproxySigner;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13, finding 4: under the default settings a URL the signer refuses, or one beyond the URL
 * budget, never reaches the output pointing anywhere but the proxy; {@link FailureAction#KEEP} is the
 * opt-in that keeps it. Each row performs the attack through the public API.
 */
class FailClosedTest {
    static final String CAMO = "https://camo.test";
    static final CamoSigner CAMO_SIGNER = CamoSigner.builder(KeySet.ofUtf8("fail closed")).prefix(CAMO).build();
    static final String IMAGEPROXY = "https://imageproxy.test";
    static final ImageproxySigner IMAGEPROXY_SIGNER =
            ImageproxySigner.builder(KeySet.ofUtf8("fail closed")).baseUrl(IMAGEPROXY).build();

    static HtmlImageRewriter camo() {
        return HtmlImageRewriter.builder(ImageSigner.of(CAMO_SIGNER)).proxyPrefix(CAMO).build();
    }

    static HtmlImageRewriter imageproxy() {
        return HtmlImageRewriter.builder(image -> IMAGEPROXY_SIGNER.sign(image.url(), ImageproxyOptions.NONE))
                .proxyPrefix(IMAGEPROXY).build();
    }

    @Test
    void aLoneSurrogateIsDroppedNotWrittenBackAsACharacterReference() {
        // e.g. a JSON "\ud800" escape decoded into the comment: Camo refuses it (no UTF-8 form)
        String in = "<img src=\"http://evil.test/\ud800.png\" alt=\"a\">";
        assertThrows(IllegalArgumentException.class, () -> CAMO_SIGNER.sign("http://evil.test/\ud800.png"));
        assertEquals("<img alt=\"a\">", camo().rewriteFragment(in));
        String kept = HtmlImageRewriter.builder(ImageSigner.of(CAMO_SIGNER)).onFailure(FailureAction.KEEP).build()
                .rewriteFragment(in);
        assertTrue(kept.contains("http://evil.test/"), "KEEP is the opt-in that fails open: " + kept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://evil.test/%zz.png", "http://ev%69l.test/", "http://evil.test/\u0001.png",
            "http://evil.test/\u007f.png", "http://a b@evil.test/", "http://evil.test\u0000/x.png"})
    void urlsImageproxyRefusesAreDropped(String url) {
        assertThrows(IllegalArgumentException.class, () -> IMAGEPROXY_SIGNER.sign(url, ImageproxyOptions.NONE), url);
        Element img = new Element("img").attr("src", url).attr("alt", "a");
        assertEquals(0, imageproxy().rewrite(img));
        assertEquals("<img alt=\"a\">", img.outerHtml());
        String html = imageproxy().rewriteFragment("<img src=\"" + url + "\">");
        Element parsed = Jsoup.parseBodyFragment(html).selectFirst("img");
        assertTrue(!parsed.hasAttr("src") || parsed.attr("src").startsWith(IMAGEPROXY + "/"), html);
        Element kept = new Element("img").attr("src", url);
        HtmlImageRewriter.builder(image -> IMAGEPROXY_SIGNER.sign(image.url(), ImageproxyOptions.NONE))
                .onFailure(FailureAction.KEEP).build().rewrite(kept);
        assertEquals(url, kept.attr("src"), "KEEP keeps it as written");
    }

    @Test
    void refusedSrcsetCandidatesAndStylesAreDroppedByDefault() {
        String out = camo().rewriteFragment("<img srcset=\"http://evil.test/\ud800 1x, http://ok.test/2.png 2x\">"
                + "<p style=\"background: url(http://evil.test/\ud800.png)\">x</p>");
        assertFalse(out.contains("evil"), out);
        assertTrue(out.startsWith("<img srcset=\"" + CAMO + "/"), out);
        assertTrue(out.endsWith("<p>x</p>"), out);
    }

    @Test
    void imageNumber10001IsDroppedByDefault() {
        StringBuilder in = new StringBuilder();
        for (int i = 1; i <= 10_001; i++) {
            in.append("<img src=\"http://a.test/").append(i).append(".png\">");
        }
        assertTrue(in.length() > 270_000, "a ~279 KB comment");
        HtmlImageRewriter rewriter = HtmlImageRewriter.builder(image -> "https://p.test/" + image.url().substring(7))
                .proxyPrefix("https://p.test").build();
        assertEquals(HtmlImageRewriter.DEFAULT_MAX_URLS, rewriter.maxUrls());
        String out = rewriter.rewriteFragment(in.toString());
        assertTrue(out.endsWith("<img src=\"https://p.test/a.test/10000.png\"><img>"), out.substring(out.length() - 80));
        assertFalse(out.contains("http://"), "no URL left unproxied");
    }

    /** Spellings a browser reads as an off-site http(s) URL: each must be proxied, whatever the cleaning. */
    static Stream<String> browserFetchesOffSite() {
        return Stream.of("\u0001 http://evil.test/x.png", " \u0000http://evil.test/x.png", "\u001f\u000bhttp://evil.test/x.png",
                "ht\ttp://evil.test/x.png", "ht\ntp://evil.test/x.png", "http\r://evil.test/x.png", "HtTpS://evil.test/x.png",
                "http:\\\\evil.test\\x.png", "http:/\\evil.test/x.png", "http:evil.test/x.png", "https:\t//evil.test/x.png",
                "\\\\evil.test/x.png", "/\\evil.test/x.png", "\\/evil.test/x.png", "\u000b//evil.test/x.png",
                "/\n/evil.test/x.png", "http://evil.test/x.png\u0000 ", "http://proxy.test.evil.test/p/x.png",
                "http://proxy.test@evil.test/p/x.png", "http://proxy.test:8080/p/x.png");
    }

    @ParameterizedTest
    @MethodSource("browserFetchesOffSite")
    void everyOffSiteSpellingIsProxied(String raw) {
        HtmlImageRewriter rewriter = HtmlImageRewriterTest.base().skipHttps(false).build();
        Element img = new Element("img").attr("src", raw);
        assertEquals(1, rewriter.rewrite(img), raw);
        assertTrue(img.attr("src").startsWith(HtmlImageRewriterTest.P), img.attr("src"));
    }

    /** Values a browser does not fetch off-site (no scheme it loads images from, or no valid host). */
    @ParameterizedTest
    @ValueSource(strings = {"\u0001javascript:alert(1)", " java\tscript:x", "data:image/png,x", "1http://evil.test/",
            "\u00a0http://evil.test/x.png", "h ttp://evil.test/", "http\u212a://evil.test/", "ftp://evil.test/x.png",
            "http://", "http:///", "x.png", "/\u000c/evil.test/x.png"})
    void whatIsLeftAloneCannotBeFetchedOffSite(String raw) {
        HtmlImageRewriter rewriter = HtmlImageRewriterTest.base().skipHttps(false).build();
        Element img = new Element("img").attr("src", raw);
        assertEquals(0, rewriter.rewrite(img), raw);
        assertEquals(raw, img.attr("src"));
    }

    @Test
    void anOffSiteBaseHrefIsDroppedByDefault() {
        HtmlImageRewriter strict = HtmlImageRewriterTest.base().skipHttps(false).build();
        assertEquals("<base><img src=\"x.png\">", strict.rewriteFragment("<base href=\" HTTP:\\\\evil.test/\"><img src=\"x.png\">"));
        assertEquals("<base><img src=\"x.png\">", strict.rewriteFragment("<base href=\"//evil.test/\"><img src=\"x.png\">"));
        assertEquals("<base href=\"/dir/\"><base href=\"https://proxy.test/p/\">",
                strict.rewriteFragment("<base href=\"/dir/\"><base href=\"https://proxy.test/p/\">"));
        // skipHttps: an https base is no worse than the https images it lets through
        assertEquals("<base href=\"https://cdn.test/\">", HtmlImageRewriterTest.base().build()
                .rewriteFragment("<base href=\"https://cdn.test/\">"));
        assertEquals("<base>", HtmlImageRewriterTest.base().build().rewriteFragment("<base href=\"http://cdn.test/\">"));
        assertEquals("<base href=\"http://cdn.test/\">", HtmlImageRewriterTest.base().onFailure(FailureAction.KEEP).build()
                .rewriteFragment("<base href=\"http://cdn.test/\">"));
        String document = HtmlImageRewriterTest.base().build().rewriteDocument(
                "<html><head><base href=\"http://evil.test/\"></head><body><img src=\"a.png\"></body></html>");
        assertEquals(0, Jsoup.parse(document).select("base[href]").size(), document);
    }
}
