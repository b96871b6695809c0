package dev.imgsign.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.Verification;
import dev.imgsign.imageproxy.ImageproxyOptions;
import dev.imgsign.imageproxy.ImageproxyRequest;
import dev.imgsign.imageproxy.ImageproxySigner;
import dev.imgsign.imageproxy.ImageproxyVerifier;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The per-image hook with willnorris/imageproxy: the options come from each image's markup (a srcset
 * width descriptor, else the width/height attributes), and every rewritten URL verifies with
 * {@link ImageproxyVerifier} to the original URL and those options.
 */
class ImageproxyRewriteTest {
    static final KeySet KEYS = KeySet.ofUtf8("imageproxy html secret");
    static final String BASE = "https://imageproxy.test";
    static final ImageproxySigner SIGNER = ImageproxySigner.builder(KEYS).baseUrl(BASE).build();

    /** Resize to the srcset candidate's width, else to the element's width/height attributes, else no options. */
    static String sign(ImageRef image) {
        OptionalInt descriptorWidth = image.descriptorWidth();
        ImageproxyOptions options;
        if (descriptorWidth.isPresent()) {
            options = ImageproxyOptions.builder().width(descriptorWidth.getAsInt()).build();
        } else if (image.width().isPresent() || image.height().isPresent()) {
            options = ImageproxyOptions.builder().size(image.width().orElse(0), image.height().orElse(0)).build();
        } else {
            options = ImageproxyOptions.NONE;
        }
        return SIGNER.sign(image.url(), options);
    }

    @Test
    void choosesOptionsPerImageAndEveryUrlVerifies() {
        HtmlImageRewriter rewriter = HtmlImageRewriter.builder(ImageproxyRewriteTest::sign)
                .skipHttps(false).proxyPrefix(BASE).build();
        String html = "<p>Photos &amp; more</p>"
                + "<img src=\"http://a.test/x.png\" width=\"640\" height=\"480\" alt=\"x\">"
                + "<img srcset=\"http://a.test/s.png 320w, http://a.test/l.png 2x\" width=\"100\">"
                + "<img src=\"https://b.test/no-size.png?v=2\">"
                + "<video poster=\"//v.test/p.jpg\" width=\"1280\"></video>";
        String out = rewriter.rewriteFragment(html);
        assertEquals(out, rewriter.rewriteFragment(out), "idempotent");

        // [remote URL, width, height] per rewritten URL, in document order
        List<String> expected = List.of(
                "http://a.test/x.png 640x480",
                "http://a.test/s.png 320x0",
                "http://a.test/l.png 100x0",
                "https://b.test/no-size.png?v=2 0x0",
                "https://v.test/p.jpg 1280x0");
        ImageproxyVerifier verifier = ImageproxyVerifier.builder(KEYS).requireSignedOptions(true).build();
        List<String> actual = new ArrayList<>();
        for (String url : urls(out)) {
            assertEquals(true, url.startsWith(BASE + "/"), url);
            Verification<ImageproxyRequest> v = verifier.verify(url.substring(BASE.length()));
            ImageproxyRequest request = (ImageproxyRequest) assertInstanceOf(Verification.Accepted.class, v, url).request();
            actual.add(request.remoteUrl() + ' ' + (long) request.options().width() + 'x' + (long) request.options().height());
        }
        assertEquals(expected, actual);
    }

    private static List<String> urls(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        List<String> urls = new ArrayList<>();
        for (Element e : document.select("img, video")) {
            if (e.hasAttr("src")) {
                urls.add(e.attr("src"));
            }
            if (e.hasAttr("poster")) {
                urls.add(e.attr("poster"));
            }
            if (e.hasAttr("srcset")) {
                for (String candidate : e.attr("srcset").split(", ")) {
                    urls.add(candidate.substring(0, candidate.lastIndexOf(' ')));
                }
            }
        }
        return urls;
    }
}
