package dev.imgsign.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.SigningKey;
import dev.imgsign.imgproxy.ImgproxyOptions;
import dev.imgsign.imgproxy.ImgproxyRequest;
import dev.imgsign.imgproxy.ImgproxySigner;
import dev.imgsign.thumbor.ThumborOptions;
import dev.imgsign.thumbor.ThumborSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code imgproxy} and {@code thumbor} schemes behind the filter, configured by init parameters as in
 * web.xml, over HTTP in Jetty and in Tomcat: a URL from the scheme's signer reaches the servlet, a tampered
 * one gets the scheme's status (imgproxy 403, thumbor 400). imgproxy's hex key comes from {@code key-file}
 * with {@code key-encoding=hex}, its salt from {@code option.salts}.
 */
class ImgproxyThumborFilterTest {
    /** One hex key (or salt) as a key set. */
    private static KeySet hex(String hex) {
        return KeySet.of(SigningKey.ofHex(hex));
    }

    private static final String IMGPROXY_KEY_HEX = "943b421c9eb07c830af81030552c86009268de4e532ba2ee2eab8247c6da0881";
    private static final String IMGPROXY_SALT_HEX = "520f986b998545b4785e0defbc4f3c1203f22de2374a3d53cb7a7fe9fea309c5";
    private static final String OLD_KEY_HEX = "00112233445566778899aabbccddeeff";
    private static final String OLD_SALT_HEX = "ffeeddccbbaa99887766554433221100";
    private static final String THUMBOR_KEY = "thumbor-filter-test-security-key";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static Path file(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static int status(Function<String, URI> server, String target) throws Exception {
        return response(server, target).statusCode();
    }

    private static HttpResponse<String> response(Function<String, URI> server, String target) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(server.apply(target)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Key files (hex, with the newline an editor adds) for the current and the old pair, salts as an option. */
    private static Map<String, String> imgproxyParameters() throws Exception {
        Path current = file("imgproxy-key", IMGPROXY_KEY_HEX + "\n");
        Path old = file("imgproxy-old-key", OLD_KEY_HEX + "\n");
        return Map.of("scheme", "imgproxy", "key-file", current + "," + old, "key-encoding", "hex",
                "option.salts", IMGPROXY_SALT_HEX + "," + OLD_SALT_HEX,
                "option.signatureSize", "16", "option.serverVersion", "v3");
    }

    private static void imgproxyScenario(Function<String, URI> server) throws Exception {
        ImgproxyOptions options = ImgproxyOptions.builder().resize(ImgproxyOptions.ResizingType.FILL, 300, 400).build();
        ImgproxySigner signer = ImgproxySigner.builder(hex(IMGPROXY_KEY_HEX)).salts(hex(IMGPROXY_SALT_HEX)).signatureSize(16).build();
        String source = "https://example.com/images/cat.jpg";
        String signed = signer.sign(ImgproxyRequest.of(options, source).withExtension("png"));

        HttpResponse<String> ok = response(server, signed);
        assertEquals(200, ok.statusCode(), signed);
        assertTrue(ok.body().startsWith("accepted ImgproxyRequest[options=rs:fill:300:400, sourceUrl=" + source)
                && ok.body().endsWith("key 0"), ok.body());

        String plain = ImgproxySigner.builder(hex(IMGPROXY_KEY_HEX)).salts(hex(IMGPROXY_SALT_HEX))
                .signatureSize(16).sourceForm(ImgproxySigner.SourceForm.PLAIN).build()
                .sign(ImgproxyRequest.of(options, source));
        assertTrue(plain.contains("/plain/"), plain);
        assertEquals(200, status(server, plain), plain);

        String rotated = ImgproxySigner.builder(hex(OLD_KEY_HEX)).salts(hex(OLD_SALT_HEX)).signatureSize(16)
                .build().sign(ImgproxyRequest.of(options, source));
        HttpResponse<String> old = response(server, rotated);
        assertEquals(200, old.statusCode(), rotated);
        assertTrue(old.body().endsWith("key 1"), "the second key file pairs with the second salt: " + old.body());

        assertEquals(403, status(server, signed.replace("rs:fill:300:400", "rs:fill:3000:4000")), "changed options");
        String unsalted = ImgproxySigner.builder(hex(IMGPROXY_KEY_HEX)).salts(hex("00")).signatureSize(16)
                .build().sign(ImgproxyRequest.of(options, source));
        assertEquals(403, status(server, unsalted), "the salt is part of the MAC");
        String full = ImgproxySigner.builder(hex(IMGPROXY_KEY_HEX)).salts(hex(IMGPROXY_SALT_HEX)).build()
                .sign(ImgproxyRequest.of(options, source));
        assertEquals(403, status(server, full), "a 32-byte signature is not the configured 16-byte one");
        assertEquals(404, status(server, "//" + signed.substring(1)), "v3 answers //SIG/... with 404");
    }

    private static void thumborScenario(Function<String, URI> server) throws Exception {
        ThumborSigner signer = ThumborSigner.builder(KeySet.ofUtf8(THUMBOR_KEY)).build();
        ThumborOptions options = ThumborOptions.builder().size(300, 200).smart(true).filter("quality", "80").build();
        String image = "images.example.com/some/path/to/image.jpg";
        String signed = signer.sign(options, image);

        HttpResponse<String> ok = response(server, signed);
        assertEquals(200, ok.statusCode(), signed);
        assertTrue(ok.body().startsWith("accepted ThumborRequest[") && ok.body().contains("imageUrl=" + image)
                && ok.body().endsWith("key 0"), ok.body());

        assertEquals(400, status(server, signed.replace("300x200", "3000x2000")), "thumbor answers a bad signature with 400");
        String forged = ThumborSigner.builder(KeySet.ofUtf8("another key")).build().sign(options, image);
        assertEquals(400, status(server, forged));
        assertEquals(400, status(server, "/unsafe/300x200/" + image), "unsafe URLs are refused by default");
    }

    /** A filter reading the thumbor key from {@code key-env}, with a stand-in environment. */
    private static SignedUrlFilter thumborFilter(Map<String, String> extra) throws Exception {
        SignedUrlFilter filter = new SignedUrlFilter(null, name -> name.equals("THUMBOR_SECURITY_KEY") ? THUMBOR_KEY : null);
        Map<String, String> parameters = new java.util.HashMap<>(Map.of("scheme", "thumbor", "key-env", "THUMBOR_SECURITY_KEY"));
        parameters.putAll(extra);
        filter.init(FilterInitTest.config(parameters));
        return filter;
    }

    @Test
    void imgproxyInJetty() throws Exception {
        try (JettyServer server = JettyServer.withInitParameters(imgproxyParameters())) {
            imgproxyScenario(server::uri);
        }
    }

    @Test
    void imgproxyInTomcat() throws Exception {
        try (TomcatServer server = TomcatServer.withInitParameters(imgproxyParameters())) {
            imgproxyScenario(server::uri);
        }
    }

    @Test
    void imgproxyKeyFromTheEnvironmentAsTheServerNamesIt() throws Exception {
        SignedUrlFilter filter = new SignedUrlFilter(null, name -> name.equals("IMGPROXY_KEY") ? IMGPROXY_KEY_HEX : null);
        filter.init(FilterInitTest.config(Map.of("scheme", "imgproxy", "key-env", "IMGPROXY_KEY", "key-encoding", "hex",
                "option.salts", IMGPROXY_SALT_HEX)));
        try (JettyServer server = JettyServer.with(filter)) {
            String signed = ImgproxySigner.builder(hex(IMGPROXY_KEY_HEX)).salts(hex(IMGPROXY_SALT_HEX)).build()
                    .sign(ImgproxyRequest.of("https://example.com/a.jpg"));
            assertEquals(200, status(server::uri, signed), signed);
            assertEquals(403, status(server::uri, signed + "x"), "tampered path");
        }
    }

    @Test
    void tomcatsPathNormalisationsAreTheOnlyDifferencesAccepted() throws Exception {
        assertEquals("/a/https:/b/c", SignedUrlFilter.collapseSlashes("/a//https:///b/c"));
        assertEquals("/a/x%2Fy/é", SignedUrlFilter.decodeKeepingEncodedSlashes("/a/x%2Fy/%C3%A9"));
        assertEquals(null, SignedUrlFilter.decodeKeepingEncodedSlashes("/a/%zz%2F"));
        try (TomcatServer server = TomcatServer.withInitParameters(imgproxyParameters())) {
            assertEquals(400, status(server::uri, "/sig/rs:fit:1:1/plain/http:%2F%2Fa/..%2F..%2Fadmin"),
                    "an encoded dot segment is still refused before verifying");
        }
    }

    @Test
    void thumborInJetty() throws Exception {
        try (JettyServer server = JettyServer.with(thumborFilter(Map.of()))) {
            thumborScenario(server::uri);
        }
    }

    @Test
    void thumborInTomcat() throws Exception {
        try (TomcatServer server = TomcatServer.with(thumborFilter(Map.of("option.maxLength", "4096")))) {
            thumborScenario(server::uri);
        }
    }
}
