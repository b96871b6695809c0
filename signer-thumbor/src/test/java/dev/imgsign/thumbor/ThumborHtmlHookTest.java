package dev.imgsign.thumbor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.Verification;
import dev.imgsign.html.HtmlImageRewriter;
import dev.imgsign.html.ImageSigner;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML rewriter signs image URLs through {@link ThumborSigner#forOptions}; the verifier accepts each one. */
class ThumborHtmlHookTest {
    private static final KeySet KEYS = KeySet.ofUtf8("my-security-key");

    @Test
    void rewrittenImagesVerifyToTheirImageUrls() {
        ThumborOptions options = ThumborOptions.builder().fitIn(ThumborOptions.FitIn.FIT_IN).size(640, 0)
                .filter("quality", "80").build();
        ThumborSigner signer = ThumborSigner.builder(KEYS).prefix("https://thumbor.example.org").build();
        HtmlImageRewriter rewriter = HtmlImageRewriter.builder(ImageSigner.of(signer.forOptions(options))).build();
        String html = rewriter.rewriteFragment("<p><img src=\"http://example.com/a b.jpg?x=1&amp;y=2\">"
                + "<img srcset=\"http://example.com/c.png 2x\"><img src=\"http://example.com/ü.gif\"></p>");

        Matcher m = Pattern.compile("https://thumbor\\.example\\.org(/[^\" ]+)").matcher(html);
        ThumborVerifier verifier = ThumborVerifier.builder(KEYS).build();
        List<String> images = new ArrayList<>();
        while (m.find()) {
            Verification<ThumborRequest> v = verifier.verify(m.group(1).replace("&amp;", "&"));
            ThumborRequest r = v.orElseThrow();
            assertEquals(options, r.options());
            assertEquals(false, r.unsafe());
            images.add(r.imageUrl());
        }
        assertEquals(3, images.size(), html);
        assertEquals(List.of("http://example.com/a b.jpg?x=1&y=2", "http://example.com/c.png", "http://example.com/ü.gif"),
                images, html);
    }
}
