package dev.imgsign.expiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.UrlVerifier;
import dev.imgsign.core.Verification;
import dev.imgsign.expiring.aurelia.AureliaLinkSigner;
import dev.imgsign.expiring.aurelia.AureliaLinkVerifier;
import dev.imgsign.expiring.link.ExpiringLinkSigner;
import dev.imgsign.expiring.link.ExpiringLinkVerifier;
import dev.imgsign.expiring.weekly.WeeklyLink;
import dev.imgsign.expiring.weekly.WeeklyLinkSigner;
import dev.imgsign.expiring.weekly.WeeklyLinkVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, interop review: a request target with a raw control character (0x00-0x1F, 0x7F) or a raw
 * space never comes from an HTTP server; every verifier of this module answers MALFORMED (400), even
 * where the character sits in a part the scheme otherwise ignores (the weekly query).
 */
class RawRequestTargetTest {
    private static final Clock NOW = Clock.fixed(Instant.ofEpochSecond(1_731_744_000L), ZoneOffset.UTC);
    private static final char[] RAW = {'\u0000', '\t', '\n', '\r', '\u001f', ' ', '\u007f'};

    private static void assertRawRefused(UrlVerifier<?> verifier, String link) {
        assertTrue(verifier.verify(link).isAccepted(), link);
        int q = link.indexOf('?');
        List<Integer> positions = q < 0 ? List.of(1, link.length()) : List.of(1, q, q + 1, link.length());
        for (char c : RAW) {
            for (int at : positions) {
                String target = link.substring(0, at) + c + link.substring(at);
                Verification<?> v = verifier.verify(target);
                assertEquals(Rejection.MALFORMED, v.rejection().orElseThrow(), () -> (int) c + " at " + at);
                assertEquals(400, ((Verification.Rejected<?>) v).httpStatus());
            }
            // also appended as a query the scheme ignores
            String extra = link + (q < 0 ? "?a=" : "&a=") + c;
            assertEquals(Rejection.MALFORMED, verifier.verify(extra).rejection().orElseThrow(), () -> (int) c + " in query");
        }
    }

    @Test
    void weekly() {
        String link = WeeklyLinkSigner.builder(KeySet.ofUtf8("s")).clock(NOW).build()
                .sign(WeeklyLink.resized("i", "https://example.com/cat.jpg", 250, 0));
        assertRawRefused(WeeklyLinkVerifier.builder(KeySet.ofUtf8("s")).clock(NOW).build(), link);
    }

    @Test
    void expiring() {
        KeySet keys = KeySet.ofUtf8("s");
        String link = ExpiringLinkSigner.builder(keys).clock(NOW).build().sign("/a/cat.png", Duration.ofMinutes(5));
        assertRawRefused(ExpiringLinkVerifier.builder(keys).clock(NOW).build(), link);
    }

    @Test
    void aurelia() {
        String link = AureliaLinkSigner.builder(KeySet.ofUtf8("s")).clock(NOW).build().sign("/a/cat.png", Duration.ofMinutes(5));
        assertRawRefused(AureliaLinkVerifier.builder(KeySet.ofUtf8("s")).clock(NOW).build(), link);
    }
}
