package dev.imgsign.expiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.ProxyRequest;
import dev.imgsign.core.UrlVerifier;
import dev.imgsign.expiring.aurelia.AureliaLinkSigner;
import dev.imgsign.expiring.aurelia.AureliaLinkVerifier;
import dev.imgsign.expiring.link.ExpiringLink;
import dev.imgsign.expiring.link.ExpiringLinkSigner;
import dev.imgsign.expiring.link.ExpiringLinkVerifier;
import dev.imgsign.expiring.weekly.WeeklyLink;
import dev.imgsign.expiring.weekly.WeeklyLinkSigner;
import dev.imgsign.expiring.weekly.WeeklyLinkVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue 12: one builder shape for the three schemes ({@code builder(KeySet)}), every misuse an
 * {@link IllegalArgumentException} whose message starts with the setting's name, and
 * {@code verify(ProxyRequest)} as the entry point, the host removed before the query is located.
 */
class BuilderShapeTest {
    private static final KeySet KEYS = KeySet.ofUtf8("secret");
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

    private static void assertNames(String setting, Executable misuse) {
        String message = assertThrows(IllegalArgumentException.class, misuse).getMessage();
        assertTrue(message.startsWith(setting + ": "), message);
    }

    @Test
    void keysAreTheBuildersArgument() {
        assertNames("keys", () -> WeeklyLinkSigner.builder(null));
        assertNames("keys", () -> WeeklyLinkVerifier.builder(null));
        assertNames("keys", () -> ExpiringLinkSigner.builder(null));
        assertNames("keys", () -> ExpiringLinkVerifier.builder(null));
        assertNames("keys", () -> AureliaLinkSigner.builder(null));
        assertNames("keys", () -> AureliaLinkVerifier.builder(null));
    }

    @Test
    void sharedSettingsAreCheckedOnceForSignerAndVerifier() {
        assertNames("clock", () -> WeeklyLinkSigner.builder(KEYS).clock(null));
        assertNames("clock", () -> WeeklyLinkVerifier.builder(KEYS).clock(null));
        assertNames("zone", () -> WeeklyLinkVerifier.builder(KEYS).zone(null));
        assertNames("protocol", () -> WeeklyLinkSigner.builder(KEYS).protocol(null));
        assertNames("host", () -> WeeklyLinkSigner.builder(KEYS).host(null));
        assertNames("host", () -> ExpiringLinkVerifier.builder(KEYS).host(null));
        assertNames("host", () -> AureliaLinkVerifier.builder(KEYS).host(null));
        assertNames("clock", () -> ExpiringLinkSigner.builder(KEYS).clock(null));
        assertNames("clock", () -> AureliaLinkSigner.builder(KEYS).clock(null));
        assertNames("expiresParam", () -> ExpiringLinkSigner.builder(KEYS).expiresParam(""));
        assertNames("expiresParam", () -> ExpiringLinkVerifier.builder(KEYS).expiresParam(null));
        assertNames("signatureParam", () -> ExpiringLinkVerifier.builder(KEYS).signatureParam("a b"));
        assertNames("signatureParam", () -> ExpiringLinkSigner.builder(KEYS).signatureParam("x").expiresParam("x")
                .build());
        assertNames("maxValidity", () -> AureliaLinkSigner.builder(KEYS).maxValidity(null));
        assertNames("maxValidity", () -> AureliaLinkVerifier.builder(KEYS).maxValidity(Duration.ZERO));
    }

    @Test
    void ownSettingsNameThemselves() {
        assertNames("staticServer", () -> WeeklyLinkSigner.builder(KEYS).staticServer(null));
        assertNames("graceWeeks", () -> WeeklyLinkVerifier.builder(KEYS).graceWeeks(9));
        assertNames("allowedSizes", () -> WeeklyLinkVerifier.builder(KEYS).allowedSizes(Set.of()));
        assertNames("allowedSizes", () -> WeeklyLinkVerifier.builder(KEYS).allowedSizes(null));
        assertNames("maxLength", () -> WeeklyLinkVerifier.builder(KEYS).maxLength(15));
        assertNames("maxLength", () -> ExpiringLinkVerifier.builder(KEYS).maxLength(63));
        assertNames("maxLength", () -> AureliaLinkVerifier.builder(KEYS).maxLength(63));
        assertNames("leewaySeconds", () -> ExpiringLinkVerifier.builder(KEYS).leewaySeconds(-1));
        assertNames("expiredStatus", () -> ExpiringLinkVerifier.builder(KEYS).expiredStatus(500));
        assertNames("expiredStatus", () -> AureliaLinkVerifier.builder(KEYS).expiredStatus(399));
    }

    /** The host is removed before the request's query start is used, also when the host holds a '?'. */
    @Test
    void verifyTakesTheRequestAndFindsTheQueryPastTheHost() {
        for (String host : new String[] {"", "https://img.example", "https://img.example/x?y"}) {
            String signed = ExpiringLinkSigner.builder(KEYS).clock(CLOCK).host(host).build()
                    .sign(ExpiringLink.of("/a.png", 1_700_000_100L).withParam("w", "10"));
            ExpiringLinkVerifier verifier = ExpiringLinkVerifier.builder(KEYS).clock(CLOCK).host(host).build();
            assertAcceptedBothWays(verifier, signed);
            assertEquals("10", verifier.verify(ProxyRequest.of(signed, "https://any.example/")).orElseThrow()
                    .param("w"));
            String aurelia = AureliaLinkSigner.builder(KEYS).clock(CLOCK).host(host).build()
                    .sign("/b.png", Duration.ofMinutes(5));
            assertAcceptedBothWays(AureliaLinkVerifier.builder(KEYS).clock(CLOCK).host(host).build(), aurelia);
            String weekly = WeeklyLinkSigner.builder(KEYS).clock(CLOCK).host(host).build()
                    .sign(WeeklyLink.full("i", "https://example.com/c.png"));
            assertAcceptedBothWays(WeeklyLinkVerifier.builder(KEYS).clock(CLOCK).host(host).build(), weekly + "?q");
        }
    }

    private static void assertAcceptedBothWays(UrlVerifier<?> verifier, String signed) {
        assertTrue(verifier.verify(ProxyRequest.of(signed)).isAccepted(), signed);
        assertEquals(verifier.verify(ProxyRequest.of(signed)), verifier.verify(signed), signed);
    }
}
