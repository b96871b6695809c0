package dev.imgsign.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.Rejection;
import dev.imgsign.core.UrlVerifier;
import dev.imgsign.core.Verification;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * {@link Rejection#TARGET_REFUSED} (a valid signature over a target the scheme will not fetch) is answered
 * with the scheme's own status and a generic body, like every rejection, and logged where an operator sees
 * it (INFO) while garbage and forgeries stay at DEBUG.
 */
class TargetRefusedFilterTest {
    private static final String DETAIL = "signed target has userinfo";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** /camo-like is refused as go-camo does (404), /default with the kind's default status, else a bad signature. */
    private static final UrlVerifier<String> VERIFIER = request -> switch (request.rawPath()) {
        case "/camo-like" -> Verification.rejected(Rejection.TARGET_REFUSED, DETAIL, 404);
        case "/default" -> Verification.rejected(Rejection.TARGET_REFUSED, DETAIL);
        default -> Verification.rejected(Rejection.BAD_SIGNATURE, "no key produced it");
    };

    private static HttpResponse<String> get(JettyServer server, String target) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(server.uri(target)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answeredWithTheSchemesStatusAndAGenericBody() throws Exception {
        try (JettyServer server = JettyServer.with(new SignedUrlFilter(VERIFIER))) {
            HttpResponse<String> camoLike = get(server, "/camo-like");
            assertEquals(404, camoLike.statusCode());
            assertEquals("Not found\n", camoLike.body());

            HttpResponse<String> byDefault = get(server, "/default");
            assertEquals(Rejection.TARGET_REFUSED.defaultHttpStatus(), byDefault.statusCode());
            assertEquals(SignedUrlFilter.genericBody(Rejection.TARGET_REFUSED.defaultHttpStatus()), byDefault.body());
            assertFalse(byDefault.body().contains(DETAIL), "the detail is for the log, not the client");
        }
    }

    @Test
    void loggedAtInfoWhileOtherRejectionsStayAtDebug() {
        Logger logger = Logger.getLogger(SignedUrlFilter.class.getName());
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level previous = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
        try {
            SignedUrlFilter.logRejection((Verification.Rejected<?>) Verification.rejected(Rejection.TARGET_REFUSED, DETAIL, 404));
            SignedUrlFilter.logRejection((Verification.Rejected<?>) Verification.rejected(Rejection.BAD_SIGNATURE, "forged"));
        } finally {
            logger.removeHandler(handler);
            logger.setLevel(previous);
        }
        assertEquals(2, records.size(), records.toString());
        assertEquals(Level.INFO, records.get(0).getLevel());
        assertTrue(records.get(0).getMessage().contains("TARGET_REFUSED (404): " + DETAIL), records.get(0).getMessage());
        assertEquals(Level.FINE, records.get(1).getLevel(), "System.Logger's DEBUG is java.util.logging's FINE");
    }
}
