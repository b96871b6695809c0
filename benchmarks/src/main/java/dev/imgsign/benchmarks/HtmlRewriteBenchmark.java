package dev.imgsign.benchmarks;

import dev.imgsign.camo.CamoSigner;
import dev.imgsign.core.KeySet;
import dev.imgsign.html.HtmlImageRewriter;
import dev.imgsign.html.ImageSigner;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rewriting a forum page with Camo: {@code posts} posts of five images each (sized photos, srcset
 * candidates, https avatars left alone, relative uploads, data: emoji), against the floor of parsing
 * and serialising the same page with jsoup and no rewriting.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class HtmlRewriteBenchmark {
    @Param({"10", "100"})
    public int posts;

    private String page;
    private HtmlImageRewriter rewriter;

    @Setup
    public void setUp() {
        CamoSigner camo = CamoSigner.builder(KeySet.ofUtf8("benchmark secret")).prefix("https://camo.example.org").build();
        rewriter = HtmlImageRewriter.builder(ImageSigner.of(camo))
                .proxyPrefix("https://camo.example.org").allowHost("cdn.example.org").rewriteStyles(true).build();
        StringBuilder b = new StringBuilder("<!doctype html><html><head><title>Thread</title></head><body>");
        for (int i = 0; i < posts; i++) {
            b.append("<article><img class=\"avatar\" src=\"https://avatars.example/u/").append(i).append("?s=48\" width=\"48\">")
                    .append("<p>Reply #").append(i).append(" &mdash; look &amp; see <a href=\"http://example.net/").append(i)
                    .append("\">this</a> <img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\":)\"></p>")
                    .append("<figure><img src=\"").append(BenchmarkUrls.SHORT).append('?').append(i)
                    .append("\" width=\"800\" height=\"600\"></figure>")
                    .append("<img srcset=\"http://img.example.com/").append(i).append("/s.jpg 480w, http://img.example.com/")
                    .append(i).append("/l.jpg 1080w\" src=\"/uploads/").append(i).append(".jpg\">")
                    .append("<div style=\"background: url(http://bg.example.com/").append(i).append(".png)\">quote</div>")
                    .append("</article>");
        }
        page = b.append("</body></html>").toString();
        if (!rewriter.rewriteDocument(page).contains("https://camo.example.org/")) {
            throw new IllegalStateException("benchmark page rewrote nothing");
        }
    }

    @Benchmark
    public String rewriteDocument() {
        return rewriter.rewriteDocument(page);
    }

    @Benchmark
    public String parseAndSerialiseOnly() {
        Document document = Jsoup.parse(page, "");
        document.outputSettings().prettyPrint(false);
        return document.outerHtml();
    }
}
