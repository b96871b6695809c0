package dev.imgsign.html;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.imgsign.camo.CamoSigner;
import dev.imgsign.core.KeySet;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz targets for the HTML rewriter with the oracle "no unproxied image URL survives": arbitrary
 * markup (read as UTF-8) is rewritten with a strict configuration (every http(s) image proxied, styles
 * rewritten, refusals and URLs over a small budget dropped), and the output, read by jsoup and by a
 * browser-like scan of the tags ({@link UnproxiedImageOracle}), loads no image over http(s) from
 * anywhere but the proxy. Never throws for any input.
 *
 * <p>{@code mvn -B verify} replays {@code src/test/resources/dev/imgsign/html/HtmlRewriterFuzzTestInputs/<method>/};
 * {@code JAZZER_FUZZ=1} fuzzes one target (see the root README, "Robustness").
 */
class HtmlRewriterFuzzTest {
    static final String PROXY = "https://camo.test";
    static final CamoSigner SIGNER = CamoSigner.builder(KeySet.ofUtf8("html fuzz")).prefix(PROXY).build();
    static final HtmlImageRewriter STRICT = HtmlImageRewriter.builder(ImageSigner.of(SIGNER))
            .skipHttps(false).proxyPrefix(PROXY).maxUrls(64).build();
    static final UnproxiedImageOracle ORACLE = new UnproxiedImageOracle("camo.test");

    @FuzzTest(maxDuration = "5m")
    void fragment(byte[] input) {
        String html = new String(input, StandardCharsets.UTF_8);
        ORACLE.check(STRICT.rewriteFragment(html), false);
    }

    @FuzzTest(maxDuration = "5m")
    void document(byte[] input) {
        String html = new String(input, StandardCharsets.UTF_8);
        ORACLE.check(STRICT.rewriteDocument(html), true);
    }
}
