package dev.imgsign.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.ProxyRequest;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.Schemes;
import dev.imgsign.core.Verification;
import dev.imgsign.core.spi.SchemeConfig;
import dev.imgsign.imageproxy.ImageproxyOptions;
import dev.imgsign.imageproxy.ImageproxySigner;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request's {@code Referer} reaches the verifier: imageproxy's {@code referrers} policy, configured only
 * by init parameters as in web.xml, decides over real HTTP (issue 12: before, every signed request was
 * refused as HOST_NOT_ALLOWED because the filter passed the bare target).
 */
class RefererFilterTest {
    private static final String SECRET = "referer-test-secret";
    private static final String REMOTE = "https://octodex.github.com/images/codercat.jpg";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dir;
    private static Path keyFile;

    @BeforeAll
    static void writeKey() throws Exception {
        keyFile = dir.resolve("key");
        Files.writeString(keyFile, SECRET + "\n", StandardCharsets.UTF_8);
    }

    /** Signed through the scheme provider, as the filter builds its verifier, with the same key. */
    private static String signed(String options) {
        SchemeConfig config = SchemeConfig.builder().keys(KeySet.ofUtf8(SECRET)).option("baseUrl", "").build();
        ImageproxySigner signer = (ImageproxySigner) Schemes.provider("imageproxy").signer(config);
        return signer.sign(REMOTE, ImageproxyOptions.parse(options));
    }

    private static HttpResponse<String> get(JettyServer server, String target, String referer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(target)).timeout(Duration.ofSeconds(10));
        if (referer != null) {
            request.header("Referer", referer);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void imageproxyReferrersFromInitParametersDecideByTheRefererHeader() throws Exception {
        Map<String, String> parameters = Map.of("scheme", "imageproxy", "key-file", keyFile.toString(),
                "option.referrers", "site.example");
        int hostNotAllowed = Rejection.HOST_NOT_ALLOWED.defaultHttpStatus();
        try (JettyServer server = JettyServer.withInitParameters(parameters)) {
            String target = signed("100x100");

            HttpResponse<String> ok = get(server, target, "https://site.example/page");
            assertEquals(200, ok.statusCode(), target);
            assertTrue(ok.body().startsWith("accepted ImageproxyRequest[remoteUrl=" + REMOTE), ok.body());

            HttpResponse<String> wrong = get(server, target, "https://elsewhere.example/page");
            assertEquals(hostNotAllowed, wrong.statusCode());
            assertEquals(SignedUrlFilter.genericBody(hostNotAllowed), wrong.body(), "the servlet must not run");

            HttpResponse<String> none = get(server, target, null);
            assertEquals(hostNotAllowed, none.statusCode());
            assertEquals(SignedUrlFilter.genericBody(hostNotAllowed), none.body(), "the servlet must not run");

            String lookalike = "https://site.example.evil.example/page";
            assertEquals(hostNotAllowed, get(server, target, lookalike).statusCode(), "a longer host is another host");
            assertEquals(403, get(server, target.replace("100x100", "200x200"), "https://site.example/page").statusCode(),
                    "the right Referer does not excuse a changed signed URL");
        }
    }

    @Test
    void theVerifierReceivesTheRawTargetAndTheFirstRefererAsOneRequestValue() throws Exception {
        List<ProxyRequest> seen = new CopyOnWriteArrayList<>();
        SignedUrlFilter filter = new SignedUrlFilter(request -> {
            seen.add(request);
            return Verification.rejected(Rejection.BAD_SIGNATURE, "stand-in");
        });
        try (JettyServer server = JettyServer.with(filter)) {
            get(server, "/a%2Fb/c?x=%41", "https://site.example/p?q=1");
            get(server, "/plain", null);
        }
        assertEquals(List.of(ProxyRequest.of("/a%2Fb/c?x=%41", "https://site.example/p?q=1"), ProxyRequest.of("/plain")),
                seen);
    }
}
