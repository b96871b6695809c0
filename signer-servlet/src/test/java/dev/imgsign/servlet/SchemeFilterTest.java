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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each real scheme behind the filter, configured by init parameters (scheme name plus a key file) as
 * in web.xml, over HTTP: an accepted request reaches the servlet, each rejection gets its status.
 */
class SchemeFilterTest {
    private static final String SECRET = "filter-test-secret";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static Path keyFile() throws Exception {
        Path file = dir.resolve("key");
        Files.writeString(file, SECRET + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static HttpResponse<String> get(JettyServer server, String target) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(server.uri(target)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void camoByInitParameters() throws Exception {
        Map<String, String> parameters = Map.of("scheme", "camo", "key-file", keyFile().toString(),
                "path-prefix", "/camo", "option.dialect", "go-camo", "option.maxLength", "2048");
        try (JettyServer server = JettyServer.withInitParameters(parameters)) {
            CamoSigner signer = CamoSigner.builder(KeySet.ofUtf8(SECRET)).prefix("/camo").build();
            String signed = signer.sign("http://example.com/cat.png");

            HttpResponse<String> ok = get(server, signed);
            assertEquals(200, ok.statusCode());
            assertEquals("accepted http://example.com/cat.png key 0", ok.body());

            String forged = CamoSigner.builder(KeySet.ofUtf8("another key")).prefix("/camo").build()
                    .sign("http://example.com/cat.png");
            assertEquals(403, get(server, forged).statusCode(), "go-camo answers a bad signature with 403");
            assertEquals(404, get(server, "/camo/only-one-segment").statusCode(), "go-camo's router answers 404");
            assertEquals(414, get(server, "/camo/" + "a".repeat(3000)).statusCode());
        }
    }

    @Test
    void weeklyByInitParameters() throws Exception {
        Map<String, String> parameters = Map.of("scheme", "weekly", "key-file", keyFile().toString());
        try (JettyServer server = JettyServer.withInitParameters(parameters)) {
            WeeklyLinkSigner now = WeeklyLinkSigner.builder(KeySet.ofUtf8(SECRET)).build();
            String link = now.sign(WeeklyLink.resized("i", "https://example.com/cat.jpg", 250, 0));
            HttpResponse<String> ok = get(server, link);
            assertEquals(200, ok.statusCode());
            assertTrue(ok.body().startsWith("accepted WeeklyLink[bucket=i, imageUrl=https://example.com/cat.jpg"), ok.body());

            Clock monthAgo = Clock.fixed(Instant.now().minus(Duration.ofDays(30)), ZoneOffset.UTC);
            String old = WeeklyLinkSigner.builder(KeySet.ofUtf8(SECRET)).clock(monthAgo).build()
                    .sign(WeeklyLink.full("i", "https://example.com/cat.jpg"));
            assertEquals(410, get(server, old).statusCode(), "the server answers 410 to an expired week");
            assertEquals(400, get(server, "/i/full/too-few").statusCode());
            String badSize = link.replace("/250x/", "/999x/");
            assertEquals(400, get(server, badSize).statusCode(), "a size outside the allowed set is 400 after the signature");
        }
    }

    @Test
    void expiringByInitParametersWithSeed001sExpiredStatus() throws Exception {
        Map<String, String> parameters = Map.of("scheme", "expiring", "key-file", keyFile().toString(),
                "option.expiredStatus", "404");
        try (JettyServer server = JettyServer.withInitParameters(parameters)) {
            ExpiringLinkSigner signer = ExpiringLinkSigner.builder(KeySet.ofUtf8(SECRET)).build();
            String link = signer.sign("/avatar/cat.png", Duration.ofMinutes(10));
            HttpResponse<String> ok = get(server, link);
            assertEquals(200, ok.statusCode());
            assertTrue(ok.body().startsWith("accepted ExpiringLink[path=/avatar/cat.png"), ok.body());

            Clock yesterday = Clock.fixed(Instant.now().minus(Duration.ofDays(1)), ZoneOffset.UTC);
            String expired = ExpiringLinkSigner.builder(KeySet.ofUtf8(SECRET)).clock(yesterday).build()
                    .sign("/avatar/cat.png", Duration.ofMinutes(10));
            assertEquals(404, get(server, expired).statusCode());
            assertEquals(403, get(server, link.replace("cat.png", "dog.png")).statusCode());
            assertEquals(400, get(server, "/avatar/cat.png").statusCode(), "missing parameters are 400");
        }
    }

    @Test
    void imageproxyByInitParametersRequiringSignedOptions() throws Exception {
        Map<String, String> parameters = Map.of("scheme", "imageproxy", "key-file", keyFile().toString(),
                "option.requireSignedOptions", "true");
        try (JettyServer server = JettyServer.withInitParameters(parameters)) {
            ImageproxySigner signer = ImageproxySigner.builder(KeySet.ofUtf8(SECRET)).baseUrl("").build();
            String remote = "https://octodex.github.com/images/codercat.jpg";
            String signed = signer.sign(remote, ImageproxyOptions.parse("400x400,q40"));
            HttpResponse<String> ok = get(server, signed);
            assertEquals(200, ok.statusCode(), signed);
            assertTrue(ok.body().startsWith("accepted ImageproxyRequest[remoteUrl=" + remote), ok.body());

            assertEquals(403, get(server, signed.replace("400x400", "800x800")).statusCode(), "changed options");
            String urlOnly = ImageproxySigner.builder(KeySet.ofUtf8(SECRET)).baseUrl("").signOptions(false).build()
                    .sign(remote, ImageproxyOptions.parse("400x400"));
            assertEquals(403, get(server, urlOnly).statusCode(), "URL-only signatures refused when options must be signed");
            long past = Instant.now().minus(Duration.ofHours(1)).getEpochSecond();
            // signed while still valid: the signer refuses links already expired by its clock
            String expired = ImageproxySigner.builder(KeySet.ofUtf8(SECRET)).baseUrl("")
                    .clock(Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC)).build()
                    .sign(remote, ImageproxyOptions.parse("400x400,vu" + past));
            assertEquals(403, get(server, expired).statusCode(), "the server answers an expired vu with 403");

            String base64 = ImageproxySigner.builder(KeySet.ofUtf8(SECRET)).baseUrl("")
                    .remoteUrlForm(ImageproxySigner.RemoteUrlForm.BASE64).build()
                    .sign(remote, ImageproxyOptions.parse("100x0"));
            assertEquals(200, get(server, base64).statusCode(), base64);
        }
    }

    @Test
    void thousandsOfConcurrentCamoRequestsAllGetTheRightAnswer() throws Exception {
        Map<String, String> parameters = Map.of("scheme", "camo", "key-file", keyFile().toString());
        CamoSigner good = CamoSigner.builder(KeySet.ofUtf8(SECRET)).build();
        CamoSigner forger = CamoSigner.builder(KeySet.ofUtf8("not the key")).build();
        try (JettyServer server = JettyServer.withInitParameters(parameters)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> wrongAnswers = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int thread = t;
                    wrongAnswers.add(pool.submit(() -> {
                        int wrong = 0;
                        for (int i = 0; i < 300; i++) {
                            String url = "http://example.com/" + thread + "/" + i + ".png";
                            boolean valid = i % 3 != 0;
                            HttpResponse<String> response = get(server, (valid ? good : forger).sign(url));
                            boolean right = valid
                                    ? response.statusCode() == 200 && response.body().equals("accepted " + url + " key 0")
                                    : response.statusCode() == 403;
                            wrong += right ? 0 : 1;
                        }
                        return wrong;
                    }));
                }
                for (Future<Integer> result : wrongAnswers) {
                    assertEquals(0, result.get());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aKeyFromTheEnvironmentWorksToo() throws Exception {
        SignedUrlFilter filter = new SignedUrlFilter(null, name -> name.equals("IMGSIGN_CAMO_KEY") ? SECRET : null);
        filter.init(FilterInitTest.config(Map.of("scheme", "camo", "key-env", "IMGSIGN_CAMO_KEY")));
        try (JettyServer server = JettyServer.with(filter)) {
            String signed = CamoSigner.builder(KeySet.ofUtf8(SECRET)).build().sign("http://example.com/a.png");
            assertEquals(200, get(server, signed).statusCode());
        }
    }
}
