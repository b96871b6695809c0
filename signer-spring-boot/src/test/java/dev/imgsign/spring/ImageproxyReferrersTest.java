package dev.imgsign.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgsign.spring.testapp.TestApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@code imgsign.imageproxy.referrers} reaches the verifier the Spring-registered filter uses, over HTTP on
 * embedded Tomcat: a correctly signed request passes with a Referer naming an allowed host and is refused
 * with another host's Referer or none (imageproxy's -referrers).
 */
@SpringBootTest(classes = TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "imgsign.imageproxy.key=another test key, 32 bytes long",
        "imgsign.imageproxy.base-url=/imageproxy",
        "imgsign.imageproxy.remote-url-form=base64",
        "imgsign.imageproxy.referrers=site.example, *.cdn.example",
        "imgsign.imageproxy.filter.enabled=true",
        "imgsign.imageproxy.filter.path=/imageproxy/*",
})
class ImageproxyReferrersTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Autowired
    SignedUrls urls;

    @Test
    void refererOutsideTheListOrMissingIsRefused() throws Exception {
        String signed = urls.imageproxy("http://images.example.net/cat.png", "100x150");
        assertThat(status(signed, "https://evil.example/page")).isEqualTo(403);
        assertThat(status(signed, "https://site.example.evil.example/")).isEqualTo(403);
        assertThat(status(signed, null)).isEqualTo(403);
    }

    @Test
    void refererOnTheListIsAccepted() throws Exception {
        String signed = urls.imageproxy("http://images.example.net/cat.png", "100x150");
        assertThat(status(signed, "https://site.example/articles/1")).isEqualTo(200);
        assertThat(status(signed, "https://img.cdn.example/")).isEqualTo(200);
        assertThat(status(signed.replace("100x150", "100x151"), "https://site.example/")).isEqualTo(403);
    }

    private int status(String path, String referer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (referer != null) {
            request.header("Referer", referer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
