package dev.imgsign.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.camo.CamoSigner;
import dev.imgsign.core.KeySet;
import dev.imgsign.expiring.link.ExpiringLinkSigner;
import dev.imgsign.expiring.weekly.WeeklyLink;
import dev.imgsign.expiring.weekly.WeeklyLinkSigner;
import dev.imgsign.imageproxy.ImageproxyOptions;
import dev.imgsign.imageproxy.ImageproxySigner;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenarios of {@link SchemeFilterTest} in a real embedded Tomcat over HTTP: each scheme configured by
 * init parameters, an accepted request reaching the servlet, a tampered one refused with the scheme's status,
 * and Tomcat's own handling of {@code %2F} ({@code encodedSolidusHandling}).
 */
class TomcatFilterTest {
    private static final String SECRET = "tomcat-test-secret-of-32-bytes!!";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static Path keyFile() throws Exception {
        Path file = dir.resolve("key");
        Files.writeString(file, SECRET + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static HttpResponse<String> get(TomcatServer server, String target) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(server.uri(target)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void camo() throws Exception {
        try (TomcatServer server = TomcatServer.withInitParameters(
                Map.of("scheme", "camo", "key-file", keyFile().toString(), "path-prefix", "/camo"))) {
            String signed = CamoSigner.builder(KeySet.ofUtf8(SECRET)).prefix("/camo").build().sign("http://example.com/cat.png");
            HttpResponse<String> ok = get(server, signed);
            assertEquals(200, ok.statusCode());
            assertEquals("accepted http://example.com/cat.png key 0", ok.body());

            String forged = CamoSigner.builder(KeySet.ofUtf8("another key")).prefix("/camo").build()
                    .sign("http://example.com/cat.png");
            assertEquals(403, get(server, forged).statusCode());
            assertEquals("Forbidden\n", get(server, forged).body(), "the filter's generic body, not Tomcat's page");
            assertEquals(404, get(server, "/camo/only-one-segment").statusCode());
        }
    }

    @Test
    void imageproxyWithAnEncodedSlashPassedThrough() throws Exception {
        Map<String, String> parameters = Map.of("scheme", "imageproxy", "key-file", keyFile().toString(),
                "option.requireSignedOptions", "true");
        ImageproxySigner signer = ImageproxySigner.builder(KeySet.ofUtf8(SECRET)).baseUrl("").build();
        String remote = "https://example.com/photos%2F2026/cat.jpg";
        String signed = signer.sign(remote, ImageproxyOptions.parse("400x400,q40"));
        assertTrue(signed.contains("%2F"), signed);
        try (TomcatServer server = TomcatServer.withInitParameters(parameters)) {
            HttpResponse<String> ok = get(server, signed);
            assertEquals(200, ok.statusCode(), signed);
            assertTrue(ok.body().startsWith("accepted ImageproxyRequest[remoteUrl=" + remote), ok.body());
            assertEquals(403, get(server, signed.replace("400x400", "800x800")).statusCode(), "changed options");
        }
        try (TomcatServer strict = TomcatServer.withInitParameters(parameters, false)) {
            HttpResponse<String> refused = get(strict, signed);
            assertEquals(400, refused.statusCode(), "Tomcat's default encodedSolidusHandling=reject answers first");
            assertTrue(!refused.body().startsWith("accepted"), refused.body());
        }
    }

    @Test
    void weekly() throws Exception {
        try (TomcatServer server = TomcatServer.withInitParameters(
                Map.of("scheme", "weekly", "key-file", keyFile().toString()))) {
            String link = WeeklyLinkSigner.builder(KeySet.ofUtf8(SECRET)).build()
                    .sign(WeeklyLink.resized("i", "https://example.com/cat.jpg", 250, 0));
            HttpResponse<String> ok = get(server, link);
            assertEquals(200, ok.statusCode());
            assertTrue(ok.body().startsWith("accepted WeeklyLink[bucket=i, imageUrl=https://example.com/cat.jpg"), ok.body());
            assertEquals(400, get(server, "/i/full/too-few").statusCode());
        }
    }

    @Test
    void expiring() throws Exception {
        try (TomcatServer server = TomcatServer.withInitParameters(
                Map.of("scheme", "expiring", "key-file", keyFile().toString()))) {
            String link = ExpiringLinkSigner.builder(KeySet.ofUtf8(SECRET)).build()
                    .sign("/avatar/cat.png", Duration.ofMinutes(10));
            HttpResponse<String> ok = get(server, link);
            assertEquals(200, ok.statusCode());
            assertTrue(ok.body().startsWith("accepted ExpiringLink[path=/avatar/cat.png"), ok.body());
            assertEquals(403, get(server, link.replace("cat.png", "dog.png")).statusCode());
        }
    }

    @Test
    void aFilterInstanceAddedInCode() throws Exception {
        SignedUrlFilter filter = new SignedUrlFilter(dev.imgsign.camo.CamoVerifier.builder(KeySet.ofUtf8(SECRET)).build());
        try (TomcatServer server = TomcatServer.with(filter)) {
            String signed = CamoSigner.builder(KeySet.ofUtf8(SECRET)).build().sign("http://example.com/a.png");
            assertEquals(200, get(server, signed).statusCode());
            HttpResponse<String> post = CLIENT.send(HttpRequest.newBuilder(server.uri(signed))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode());
        }
    }
}
