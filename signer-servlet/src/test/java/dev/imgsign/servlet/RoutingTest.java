package dev.imgsign.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.camo.CamoSigner;
import dev.imgsign.core.KeySet;
import dev.imgsign.core.UrlVerifier;
import dev.imgsign.core.Verification;
import dev.imgsign.expiring.link.ExpiringLinkSigner;
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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, finding 7: the path prefix matches on a segment boundary, requests outside it are refused
 * (404) rather than verified and passed on, and the servlet never sees a path other than the one
 * verified. Over real HTTP in Jetty 12 with the README's settings for encoded slashes
 * ({@code UriCompliance.UNSAFE}, {@code setDecodeAmbiguousURIs(true)}).
 */
class RoutingTest {
    private static final String SECRET = "routing-secret";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static HttpResponse<String> get(JettyServer server, String target) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(server.uri(target)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Accepts everything and records what it was asked to verify. */
    private static final class Recording implements UrlVerifier<String> {
        final List<String> targets = new CopyOnWriteArrayList<>();

        @Override
        public Verification<String> verify(dev.imgsign.core.ProxyRequest request) {
            String requestTarget = request.target();
            targets.add(requestTarget);
            return Verification.accepted(requestTarget, KeySet.ofUtf8("k"), 0);
        }
    }

    private static void assertRefused(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(SignedUrlFilter.genericBody(status), response.body(), "the servlet must not run");
    }

    @Test
    void aCamoPathOutsideThePrefixIsRefusedNotVerifiedAndPassedOn() throws Exception {
        Path key = dir.resolve("camo-key");
        Files.writeString(key, SECRET, StandardCharsets.UTF_8);
        Map<String, String> parameters = Map.of("scheme", "camo", "key-file", key.toString(), "path-prefix", "/camo");
        try (JettyServer server = JettyServer.withInitParameters(parameters)) {
            CamoSigner signer = CamoSigner.builder(KeySet.ofUtf8(SECRET)).build();
            String withoutPrefix = signer.sign("http://example.com/cat.png");
            // Before: verified as a whole and handed on to the servlet behind the filter.
            assertRefused(get(server, withoutPrefix), 404);
            HttpResponse<String> inside = get(server, "/camo" + withoutPrefix);
            assertEquals(200, inside.statusCode());
            assertEquals("accepted http://example.com/cat.png key 0", inside.body());
        }
    }

    @Test
    void thePrefixMatchesOnlyOnASegmentBoundary() throws Exception {
        Recording verifier = new Recording();
        try (JettyServer server = JettyServer.with(new SignedUrlFilter(verifier, "/img"))) {
            assertRefused(get(server, "/imghttp://h/x.png"), 404);
            assertRefused(get(server, "/img2/x.png"), 404);
            assertRefused(get(server, "/IMG/x.png"), 404);
            assertRefused(get(server, "/%69mg/x.png"), 404);
            assertRefused(get(server, "/other/x.png"), 404);
            assertEquals(List.of(), verifier.targets, "nothing outside the prefix is verified");

            HttpResponse<String> ok = get(server, "/img/x.png?w=1");
            assertEquals(200, ok.statusCode());
            assertEquals("accepted /x.png?w=1 key 0", ok.body());
            assertEquals(List.of("/x.png?w=1"), verifier.targets);
        }
    }

    @Test
    void aFilterMappedToThePrefixPatternRefusesWhatTheContainerRoutesToItOutsideTheRawPrefix() throws Exception {
        Recording verifier = new Recording();
        try (JettyServer server = new JettyServer(new FilterHolder(new SignedUrlFilter(verifier, "/img/")), "/img/*")) {
            assertEquals(200, get(server, "/img/a.png").statusCode());
            HttpResponse<String> elsewhere = get(server, "/public/a.png");
            assertEquals(200, elsewhere.statusCode(), "the filter is not mapped there: the container skips it");
            assertEquals("no verification", elsewhere.body());
            // Routed to the filter by the container's decoded path, but the raw path is outside the prefix.
            HttpResponse<String> encoded = get(server, "/%69mg/a.png");
            assertNotEquals(200, encoded.statusCode(), encoded.body());
            assertEquals(List.of("/a.png"), verifier.targets);
        }
    }

    @Test
    void aSignedPathWithEncodedDotSegmentsNeverReachesTheServlet() throws Exception {
        Path key = dir.resolve("expiring-key");
        Files.writeString(key, SECRET, StandardCharsets.UTF_8);
        Map<String, String> parameters = Map.of("scheme", "expiring", "key-file", key.toString(), "path-prefix", "/files");
        ExpiringLinkSigner signer = ExpiringLinkSigner.builder(KeySet.ofUtf8(SECRET)).build();
        try (JettyServer server = JettyServer.withInitParameters(parameters)) {
            String genuine = signer.sign("/a/b.png", Duration.ofMinutes(5));
            HttpResponse<String> ok = get(server, "/files" + genuine);
            assertEquals(200, ok.statusCode(), ok.body());
            assertEquals("/files/a/b.png", ok.headers().firstValue("X-Path-Info").orElseThrow());

            for (String path : List.of("/a/..%2F..%2Fadmin/x", "/a/%2e%2e%2F%2e%2e%2Fadmin/x", "/a/.%2E%2Fadmin/x",
                    "/a/..%2Fadmin/x", "/a/.%2Fx", "/a/%2E%2E/admin/x", "/a/%2e/x", "/a/..;x=1%2Fadmin/x")) {
                String signed = signer.sign(path, Duration.ofMinutes(5));
                HttpResponse<String> response = get(server, "/files" + signed);
                assertEquals(400, response.statusCode(), path + " reached the servlet as "
                        + response.headers().firstValue("X-Path-Info").orElse("?"));
                assertFalse(response.body().startsWith("accepted"), path);
            }
        }
    }

    @Test
    void theServletSeesThePathThatWasVerified() throws Exception {
        Recording verifier = new Recording();
        try (JettyServer server = JettyServer.with(new SignedUrlFilter(verifier))) {
            HttpResponse<String> encodedSlash = get(server, "/a%2Fb/c%20d.png");
            assertEquals(200, encodedSlash.statusCode(), "the same path once decoded");
            assertEquals("/a/b/c d.png", encodedSlash.headers().firstValue("X-Path-Info").orElseThrow());
            // Jetty drops a ;parameter from the path it gives the servlet: not the path verified.
            assertRefused(get(server, "/a;v=1/b.png"), 400);
            assertRefused(get(server, "/a/b.png;jsessionid=x"), 400);
            assertEquals(List.of("/a%2Fb/c%20d.png"), verifier.targets);
        }
    }

    @Test
    void prefixesAreCheckedWhenConfigured() {
        UrlVerifier<String> any = new Recording();
        assertThrows(IllegalArgumentException.class, () -> new SignedUrlFilter(any, "img"));
        assertThrows(IllegalArgumentException.class, () -> new SignedUrlFilter(any, "/i%6Dg"));
        assertThrows(IllegalArgumentException.class, () -> new SignedUrlFilter(any, "/img;x"));
        assertEquals("/img", SignedUrlFilter.normalisePrefix("/img/"));
        assertEquals("", SignedUrlFilter.normalisePrefix("/"));
    }

    @Test
    void dotSegments() {
        for (String yes : List.of("/a/../b", "/..", "/.", "/a/.", "/./a", "/a/..;x/b", "/a/.;/b", "..")) {
            assertTrue(SignedUrlFilter.hasDotSegment(yes), yes);
        }
        for (String no : List.of("/a/b", "/.a", "/a..", "/.../x", "/a/..b", "/", "", "/a/.hidden")) {
            assertFalse(SignedUrlFilter.hasDotSegment(no), no);
        }
    }

    @Provide
    Arbitrary<String> pathish() {
        return Arbitraries.strings().withChars("/ab.%;").ofMaxLength(12);
    }

    @Property(tries = 500)
    void stripPrefixMatchesExactlyOnSegmentBoundaries(@ForAll("pathish") String path, @ForAll("pathish") String rawPrefix) {
        String prefix = rawPrefix.isEmpty() || rawPrefix.charAt(0) != '/' ? "" : rawPrefix;
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        String rest = SignedUrlFilter.stripPrefix(path, prefix);
        boolean inside = prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/");
        if (inside) {
            assertEquals(path, prefix + rest);
            assertTrue(rest.isEmpty() || rest.startsWith("/") || prefix.isEmpty());
        } else {
            assertNull(rest);
        }
    }
}
