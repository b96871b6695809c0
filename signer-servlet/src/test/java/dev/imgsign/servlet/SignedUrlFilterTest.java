package dev.imgsign.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.UrlVerifier;
import dev.imgsign.core.Verification;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The filter's HTTP behaviour with a stand-in verifier whose answer is chosen by the path, so that every
 * rejection kind can be driven over real HTTP. Scheme verifiers are exercised in {@link SchemeFilterTest}.
 */
class SignedUrlFilterTest {
    private static final String SECRET_DETAIL = "expected signature 0123456789abcdef";
    private static final KeySet KEYS = KeySet.ofUtf8("k");

    /** Accepts /ok/<anything>; rejects /<REJECTION_NAME> with that reason. */
    private static final UrlVerifier<String> BY_PATH = request -> {
        String target = request.target();
        if (target.startsWith("/ok/")) {
            return Verification.accepted(target.substring(4), KEYS, 0);
        }
        for (Rejection reason : Rejection.values()) {
            if (target.equals("/" + reason.name())) {
                return Verification.rejected(reason, SECRET_DETAIL);
            }
        }
        return Verification.rejected(Rejection.MALFORMED, SECRET_DETAIL, 404);
    };

    private static JettyServer server;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        server = JettyServer.with(new SignedUrlFilter(BY_PATH));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static HttpResponse<String> send(String method, String pathAndQuery) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.uri(pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void acceptedRequestReachesTheServletWithItsVerification() throws Exception {
        HttpResponse<String> response = send("GET", "/ok/image.png?x=1");
        assertEquals(200, response.statusCode());
        assertEquals("accepted image.png?x=1 key 0", response.body());
    }

    @Test
    void targetIsTheRawPathAndQueryWithoutTheContextPath() throws Exception {
        HttpResponse<String> response = send("GET", "/ok/a%2Fb%20c?u=%41");
        assertEquals("accepted a%2Fb%20c?u=%41 key 0", response.body());
    }

    @Test
    void headIsServed() throws Exception {
        assertEquals(200, send("HEAD", "/ok/x").statusCode());
    }

    @Test
    void otherMethodsGet405WithAllow() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE", "OPTIONS")) {
            HttpResponse<String> response = send(method, "/ok/x");
            assertEquals(405, response.statusCode(), method);
            assertEquals("GET, HEAD", response.headers().firstValue("Allow").orElse(""), method);
        }
    }

    @Test
    void everyRejectionIsAnsweredWithItsStatusAndAGenericBody() throws Exception {
        for (Rejection reason : Rejection.values()) {
            HttpResponse<String> response = send("GET", "/" + reason.name());
            assertEquals(reason.defaultHttpStatus(), response.statusCode(), reason.name());
            assertEquals(SignedUrlFilter.genericBody(reason.defaultHttpStatus()), response.body());
            assertFalse(response.body().contains("0123456789abcdef"));
            assertFalse(response.body().contains("no verification"), "the servlet must not run");
        }
    }

    @Test
    void aSchemeStatusOverridesTheDefault() throws Exception {
        HttpResponse<String> response = send("GET", "/garbage");
        assertEquals(404, response.statusCode());
        assertEquals("Not found\n", response.body());
    }

    @Test
    void concurrentRequestsAllGetTheRightAnswer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 400; i++) {
                        boolean accept = (i + thread) % 2 == 0;
                        HttpResponse<String> response = send("GET", accept ? "/ok/" + thread + "-" + i : "/BAD_SIGNATURE");
                        boolean right = accept
                                ? response.statusCode() == 200 && response.body().equals("accepted " + thread + "-" + i + " key 0")
                                : response.statusCode() == 403;
                        if (!right) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
