package dev.imgsign.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.vectors.TestVectors;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code imgsign imgproxy sign|verify} against the published docs example and imgproxy-node's test URL. */
class ImgproxyCommandTest {
    private static final Map<String, String> DOCS_ENV = Map.of("IMGPROXY_KEY", "736563726574", "IMGPROXY_SALT", "68656C6C6F");
    private static final String DOCS_URL = TestVectors.load("imgproxy").tests("ImgproxySign").get(0).get("signedUrl");

    @Test
    void signReproducesTheDocsExampleWithKeyAndSaltFromTheEnvironment() {
        CliRunner.Outcome o = CliRunner.runWith("", DOCS_ENV, "imgproxy", "sign", "-o", "rs:fill:300:400:0", "-o", "g:sm",
                "--chunk", "16", "--ext", "png", "--base", "http://imgproxy.example.com", "http://example.com/images/curiosity.jpg");
        assertEquals(0, o.status(), o.err());
        assertEquals("http://imgproxy.example.com" + DOCS_URL, o.out().strip());
        assertFalse(o.out().contains("736563726574"));
    }

    @Test
    void signReadsSourcesFromStdinAndTakesKeysAsOptions() {
        TestVectors.Vector node = TestVectors.load("imgproxy").tests("ImgproxySign").get(4);
        CliRunner.Outcome o = CliRunner.runWith("https://example.com/image.jpg\n\n" + "https://example.com/image.jpg\n", Map.of(),
                "imgproxy", "sign", "-k", node.get("keys"), "-s", node.get("salts"), "--plain",
                "-o", "ar:t", "-o", "cb:clear", "-o", "ex:t", "-o", "f:webp", "-o", "g:noea:10:10", "-o", "sa:10", "-o", "w:300");
        assertEquals(0, o.status(), o.err());
        // one output line per input line: the blank line stays blank
        assertEquals(node.get("signedUrl") + "\n\n" + node.get("signedUrl"), o.out().strip().replace("\r", ""));
    }

    @Test
    void verifyDecidesAsTheChosenServerVersion() {
        CliRunner.Outcome ok = CliRunner.runWith("", DOCS_ENV, "imgproxy", "verify", "https://imgproxy.example.com" + DOCS_URL);
        assertEquals(0, ok.status(), ok.err());
        assertTrue(ok.out().contains("http://example.com/images/curiosity.jpg options=rs:fill:300:400:0/g:sm ext=png"), ok.out());
        CliRunner.Outcome v4 = CliRunner.runWith("", DOCS_ENV, "imgproxy", "verify", "/" + DOCS_URL);
        assertEquals(0, v4.status(), v4.out());
        CliRunner.Outcome v3 = CliRunner.runWith("", DOCS_ENV, "imgproxy", "verify", "--server", "v3", "/" + DOCS_URL);
        assertEquals(1, v3.status());
        assertTrue(v3.out().contains("HTTP 404"), v3.out());
        CliRunner.Outcome batch = CliRunner.runWith(DOCS_URL + "\n/insecure/plain/http://x/y\n", DOCS_ENV, "imgproxy", "verify");
        assertEquals(1, batch.status());
        assertTrue(batch.out().contains("rejected: BAD_SIGNATURE (HTTP 403)"), batch.out());
    }

    @Test
    void missingOrBadKeysAndOptionsAreUsageErrors() {
        assertEquals(2, CliRunner.run("imgproxy", "sign", "http://x/y").status());
        assertEquals(2, CliRunner.runWith("", Map.of("IMGPROXY_KEY", "zz", "IMGPROXY_SALT", "00"), "imgproxy", "sign", "http://x/y").status());
        assertEquals(2, CliRunner.runWith("", DOCS_ENV, "imgproxy", "sign", "-o", "cb:a b", "http://x/y").status());
        assertEquals(2, CliRunner.runWith("", DOCS_ENV, "imgproxy", "verify", "--server", "v5", "/x").status());
    }
}
