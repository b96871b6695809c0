package dev.imgsign.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.imgsign.camo.CamoSigner;
import dev.imgsign.camo.CamoVerifier;
import dev.imgsign.core.KeySet;
import dev.imgsign.core.Verification;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A page the size of a long forum thread: a few hundred images in every layout sites use (figures with
 * sizes, responsive srcsets, pictures, avatars over https, emoji as data: URLs, the site's own CDN,
 * relative uploads, protocol-relative embeds, video posters, inline backgrounds) between ordinary
 * markup, scripts, styles and comments. The input is written as jsoup writes HTML, so the expected
 * output is the input with exactly the proxied URLs swapped for their signed form.
 */
class RealWorldPageTest {
    static final KeySet KEYS = KeySet.ofUtf8("a page-sized secret");
    static final CamoSigner CAMO = CamoSigner.builder(KEYS).prefix("https://camo.example.org").build();

    /** The page, and each URL that must be proxied mapped to what the proxy must fetch. */
    static Map.Entry<String, Map<String, String>> page(int posts) {
        Map<String, String> proxied = new LinkedHashMap<>();
        StringBuilder b = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Thread &amp; replies</title><link rel=\"stylesheet\" href=\"/site.css\">"
                + "<style>.post { background: url(/paper.png) }</style>"
                + "<script>window.config = { a: 1 < 2 && \"x\" };</script></head>\n<body class=\"thread\">"
                + "<header><img src=\"https://cdn.example.org/logo.svg\" alt=\"Forum\" width=\"120\" height=\"40\"></header>\n");
        for (int i = 0; i < posts; i++) {
            String n = String.format("%03d", i);
            String photo = "http://photos" + (i % 7) + ".example.net/u/" + n + "/holiday%20pic.jpg?size=large&amp;v=" + i;
            String photoUrl = photo.replace("&amp;", "&");
            proxied.put(photoUrl, photoUrl);
            String small = "http://img.example.com/" + n + "/small,v2.jpg";
            String large = "http://img.example.com/" + n + "/large,v2.jpg";
            proxied.put(small, small);
            proxied.put(large, large);
            String embed = "//embed.example.com/" + n + "/thumb.png";
            proxied.put(embed, "http:" + embed);
            String poster = "http://video.example.com/" + n + "/poster.jpg";
            proxied.put(poster, poster);
            String background = "http://bg.example.com/" + n + ".png";
            proxied.put(background, background);
            b.append("<article class=\"post\" id=\"p").append(n).append("\">")
                    .append("<!-- post ").append(n).append(" -->")
                    .append("<img class=\"avatar\" src=\"https://secure.gravatar.example/avatar/").append(n)
                    .append("?s=48\" width=\"48\" height=\"48\" alt=\"\">")
                    .append("<p>Reply #").append(i).append(" &mdash; see <a href=\"http://example.net/").append(n)
                    .append("\">this</a> &lt;3 ").append("\u00e9\u00e8 \u2603 <img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\":)\"></p>")
                    .append("<figure><img src=\"").append(photo).append("\" width=\"800\" height=\"600\" loading=\"lazy\" alt=\"Photo &quot;")
                    .append(n).append("&quot;\"><figcaption>Holiday</figcaption></figure>")
                    .append("<img srcset=\"").append(small).append(" 480w, ").append(large).append(" 1080w, /uploads/")
                    .append(n).append(".jpg 1600w\" sizes=\"(max-width: 600px) 480px, 800px\" src=\"/uploads/").append(n).append(".jpg\">")
                    .append("<picture><source srcset=\"https://cdn.example.org/").append(n).append(".webp\" type=\"image/webp\">")
                    .append("<img src=\"").append(embed).append("\"></picture>")
                    .append("<video controls poster=\"").append(poster).append("\"><source src=\"http://video.example.com/")
                    .append(n).append("/clip.mp4\" type=\"video/mp4\"></video>")
                    .append("<div class=\"quote\" style=\"background-image: url('").append(background).append("'); padding: 4px\">")
                    .append("<blockquote>Quoted &amp; <em>emphasised</em></blockquote></div>")
                    .append("</article>\n");
        }
        b.append("<footer><p>&copy; Forum</p></footer></body></html>");
        return Map.entry(b.toString(), proxied);
    }

    @Test
    void rewritesEveryProxiedUrlOfALargePageAndNothingElse() {
        Map.Entry<String, Map<String, String>> page = page(120);
        String html = page.getKey();
        Map<String, String> proxied = page.getValue();
        HtmlImageRewriter rewriter = HtmlImageRewriter.builder(ImageSigner.of(CAMO))
                .allowHost("cdn.example.org").proxyPrefix("https://camo.example.org")
                .protocolRelativeScheme("http").rewriteStyles(true).build();

        String expected = html.replace("&copy;", "\u00a9").replace("&mdash;", "\u2014");
        for (Map.Entry<String, String> e : proxied.entrySet()) {
            String written = e.getKey().replace("&", "&amp;");
            expected = expected.replace("\"" + written + "\"", "\"" + CAMO.sign(e.getValue()).replace("&", "&amp;") + "\"")
                    .replace("\"" + written + " ", "\"" + CAMO.sign(e.getValue()) + " ")
                    .replace(", " + written + " ", ", " + CAMO.sign(e.getValue()) + " ")
                    .replace("'" + written + "'", "'" + CAMO.sign(e.getValue()) + "'");
        }
        assertEquals(720, proxied.size(), "a few hundred images");
        String out = rewriter.rewriteDocument(html);
        assertEquals(expected, out);
        assertEquals(out, rewriter.rewriteDocument(out));

        CamoVerifier verifier = CamoVerifier.builder(KEYS).build();
        int verified = 0;
        for (String url : CamoRewritePropertiesTest.imageUrls(out)) {
            if (url.startsWith("https://camo.example.org/")) {
                Verification<String> v = verifier.verify(url.substring("https://camo.example.org".length()));
                String target = assertInstanceOf(Verification.Accepted.class, v).request().toString();
                assertEquals(true, proxied.containsValue(target), target);
                verified++;
            }
        }
        assertEquals(proxied.size(), verified);
    }
}
