package dev.imgsign.imgproxy;

import dev.imgsign.core.KeySet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.html.HtmlImageRewriter;
import dev.imgsign.html.ImageSigner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML rewriter signs image URLs through {@link ImgproxySigner#forOptions}; each one verifies. */
class ImgproxyHtmlHookTest {
    private static final KeySet KEYS = ImgproxyKeys.hexList("keys", "736563726574");
    private static final KeySet SALTS = ImgproxyKeys.hexList("salts", "68656C6C6F");

    @Test
    void rewrittenImagesVerifyToTheirSources() {
        ImgproxyOptions options = ImgproxyOptions.builder().resize(ImgproxyOptions.ResizingType.FIT, 640, 0).build();
        ImgproxySigner signer = ImgproxySigner.builder(KEYS).salts(SALTS).baseUrl("https://img.example.org")
                .sourceForm(ImgproxySigner.SourceForm.PLAIN).build();
        HtmlImageRewriter rewriter = HtmlImageRewriter.builder(ImageSigner.of(signer.forOptions(options))).build();
        String html = rewriter.rewriteFragment("<p><img src=\"http://example.com/a b.jpg?x=1&amp;y=2\">"
                + "<img srcset=\"http://example.com/c.png 2x\"></p>");
        Matcher m = Pattern.compile("https://img\\.example\\.org(/[^\" ]+)").matcher(html);
        ImgproxyVerifier verifier = ImgproxyVerifier.builder(KEYS).salts(SALTS).build();
        int found = 0;
        while (m.find()) {
            ImgproxyRequest r = verifier.verify(m.group(1).replace("&amp;", "&")).orElseThrow();
            assertEquals(options, r.options());
            assertTrue(r.sourceUrl().startsWith("http://example.com/"), r.sourceUrl());
            found++;
        }
        assertEquals(2, found, html);
    }
}
