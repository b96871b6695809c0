package dev.imgsign.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgsign.html.HtmlImageRewriter;
import dev.imgsign.spring.testapp.TestApp;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The starter in a real application on embedded Tomcat over HTTP: Thymeleaf signs, the filter verifies
 * on its path only, metrics count. Runs against Boot 3.5 here and Boot 4.0 in signer-spring-boot-boot4-test.
 */
@SpringBootTest(classes = TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "imgsign.camo.key=0x24FEEDFACEDEADBEEFCAFE",
        "imgsign.camo.prefix=/camo",
        "imgsign.camo.filter.enabled=true",
        "imgsign.camo.filter.path=/camo/*",
        "imgsign.imageproxy.key=another test key, 32 bytes long",
        "imgsign.imageproxy.base-url=/imageproxy",
        // Tomcat merges the "//" of a raw remote URL in the servlet path, and SignedUrlFilter refuses a path the
        // container sees differently (400): base64 keeps the remote URL out of the path's syntax.
        "imgsign.imageproxy.remote-url-form=base64",
        "imgsign.imageproxy.filter.enabled=true",
        "imgsign.imageproxy.filter.path=/imageproxy/*",
        "imgsign.expiring.key-encoding=hex",
        "imgsign.expiring.filter.enabled=true",
        "imgsign.expiring.filter.path=/media/*",
})
class WebAppTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    HtmlImageRewriter rewriter;

    @DynamicPropertySource
    static void keyFile(DynamicPropertyRegistry registry) throws IOException {
        Path file = Files.createTempFile("imgsign-expiring", ".key");
        file.toFile().deleteOnExit();
        Files.writeString(file, "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n");
        registry.add("imgsign.expiring.key-file", file::toString);
    }

    @Test
    void pageSignedByThymeleafIsAcceptedByTheFilter() throws Exception {
        String page = get("/page").body();
        String camo = attribute(page, "src");
        assertThat(camo).startsWith("/camo/");
        HttpResponse<String> image = get(camo);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()).isEqualTo("image for " + TestApp.IMAGE);

        String media = attribute(page, "href").replace("&amp;", "&");
        assertThat(media).startsWith("/media/cat.png?");
        HttpResponse<String> mediaResponse = get(media);
        assertThat(mediaResponse.statusCode()).isEqualTo(200);
        assertThat(mediaResponse.body()).startsWith("image for ");
    }

    @Test
    void imageproxyUrlsPassTomcatAndTheFilter() throws Exception {
        String page = get("/page").body();
        Matcher m = Pattern.compile("id=\"imageproxy\" src=\"([^\"]*)\"").matcher(page);
        assertThat(m.find()).as(page).isTrue();
        String signed = m.group(1).replace("&amp;", "&");
        assertThat(signed).startsWith("/imageproxy/100x150,s");
        HttpResponse<String> image = get(signed);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()).startsWith("image for ").contains("images.example.net/cat.png");
        assertThat(get(signed.replace("100x150", "100x151")).statusCode()).isEqualTo(403);
    }

    @Test
    void tamperedUrlsGetTheSchemesStatus() throws Exception {
        String page = get("/page").body();
        String camo = attribute(page, "src");
        double before = count("camo", "bad_signature");
        String tampered = camo.substring(0, 6) + (camo.charAt(6) == '0' ? '1' : '0') + camo.substring(7);
        HttpResponse<String> response = get(tampered);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain(camo.substring(6, 46));
        assertThat(count("camo", "bad_signature")).isEqualTo(before + 1);

        String media = attribute(page, "href").replace("&amp;", "&");
        assertThat(get(media.replace("cat.png", "dog.png")).statusCode()).isEqualTo(403);
        assertThat(get("/media/cat.png").statusCode()).isEqualTo(400);
    }

    @Test
    void acceptedVerificationsAreCountedByScheme() throws Exception {
        double before = count("camo", "accepted");
        get(attribute(get("/page").body(), "src"));
        assertThat(count("camo", "accepted")).isEqualTo(before + 1);
        meters.find(MicrometerVerificationObserver.METER_NAME).counters()
                .forEach(c -> assertThat(c.getId().getTags()).allSatisfy(tag ->
                        assertThat(tag.getKey()).isIn("scheme", "result")));
    }

    @Test
    void otherPathsAreNotFiltered() throws Exception {
        assertThat(get("/hello").body()).isEqualTo("hello");
        assertThat(get("/camouflage?x=1").body()).isEqualTo("hello");
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(uri("/hello"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(200);
        // On the filtered path, the filter answers first.
        HttpResponse<String> filteredPost = HTTP.send(HttpRequest.newBuilder(uri("/camo/x"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(filteredPost.statusCode()).isEqualTo(405);
    }

    @Test
    void htmlRewriterSignsWithTheCamoSignerAndTheFilterAccepts() throws Exception {
        String html = rewriter.rewriteFragment("<p><img src=\"" + TestApp.IMAGE.replace("&", "&amp;") + "\"></p>");
        String src = attribute(html, "src");
        assertThat(src).startsWith("/camo/");
        assertThat(get(src).statusCode()).isEqualTo(200);
    }

    private double count(String scheme, String result) {
        var counter = meters.find(MicrometerVerificationObserver.METER_NAME)
                .tag("scheme", scheme).tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String attribute(String html, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("%s in %s", name, html).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
