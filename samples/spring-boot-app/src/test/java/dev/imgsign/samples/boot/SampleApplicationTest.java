package dev.imgsign.samples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** Starts the sample on a random port and follows its signed image URLs over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        // Tests have no CAMO_KEY variable: a blank key-env is unset, and a test-only key replaces it.
        "imgsign.camo.key-env=",
        "imgsign.camo.key=sample-test-key-not-a-secret"})
class SampleApplicationTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Test
    void signedImagesLoadAndTamperedOnesDoNot() throws Exception {
        HttpResponse<String> home = get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        Matcher src = Pattern.compile("src=\"(/camo/[^\"]+)\"").matcher(home.body());
        assertThat(src.find()).isTrue();
        String signed = src.group(1);

        HttpResponse<String> image = get(signed);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("X-Image-Source")).hasValue("http://images.example.net/cat.png");

        int digit = "/camo/".length();
        String tampered = signed.substring(0, digit) + (signed.charAt(digit) == '0' ? '1' : '0')
                + signed.substring(digit + 1);
        assertThat(get(tampered).statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
