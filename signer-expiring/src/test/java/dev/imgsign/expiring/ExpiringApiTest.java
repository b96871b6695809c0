package dev.imgsign.expiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.UrlSigner;
import dev.imgsign.core.UrlVerifier;
import dev.imgsign.core.Verification;
import dev.imgsign.core.spi.SchemeConfig;
import dev.imgsign.expiring.aurelia.AureliaLink;
import dev.imgsign.expiring.aurelia.AureliaLinkSigner;
import dev.imgsign.expiring.aurelia.AureliaLinkVerifier;
import dev.imgsign.expiring.link.ExpiringLink;
import dev.imgsign.expiring.link.ExpiringLinkSigner;
import dev.imgsign.expiring.link.ExpiringLinkVerifier;
import dev.imgsign.expiring.link.ExpiringSchemeProvider;
import dev.imgsign.expiring.weekly.WeeklyLink;
import dev.imgsign.expiring.weekly.WeeklyLinkSigner;
import dev.imgsign.expiring.weekly.WeeklyLinkVerifier;
import dev.imgsign.expiring.weekly.WeeklySchemeProvider;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Builder limits, scheme-provider options and the unreserved set of this module's three schemes. */
class ExpiringApiTest {
    private static final String SECRET = "secret";
    private static final KeySet KEYS = KeySet.ofUtf8(SECRET);
    /** expiring.json tcId 26. */
    private static final String LINK = "/avatar/cat.png?expires=1700000000&signature=SSe7gW-w8ahSNhDRveK7AILXKbd36ak2eyfbGG8tcnE";
    /** weekly.json tcId 23: secret 1234, 2021-12-28T22:20Z. */
    private static final String WEEKLY = "/i/full/gnjO6SJxYbeT9VBz/aHR0cHM6Ly9leGFtcGxlX3VybC9pbWcuanBn";
    private static final Clock WEEK_52 = Clock.fixed(Instant.ofEpochSecond(1640730000L), ZoneOffset.UTC);

    private static Clock at(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    @Test
    void maxLengthIsInclusiveAndHasAFloor() {
        ExpiringLinkVerifier exact = ExpiringLinkVerifier.builder(KEYS).clock(at(0)).maxLength(LINK.length()).build();
        assertTrue(exact.verify(LINK).isAccepted());
        assertEquals(Rejection.TOO_LONG, exact.verify(LINK + "&").rejection().orElseThrow());
        ExpiringLinkVerifier.builder(KeySet.ofUtf8("k")).maxLength(64);
        assertThrows(IllegalArgumentException.class, () -> ExpiringLinkVerifier.builder(KeySet.ofUtf8("k")).maxLength(63));
        AureliaLinkVerifier.builder(KeySet.ofUtf8("k")).maxLength(64);
        assertThrows(IllegalArgumentException.class, () -> AureliaLinkVerifier.builder(KeySet.ofUtf8("k")).maxLength(63));
        assertEquals(Rejection.TOO_LONG, AureliaLinkVerifier.builder(KeySet.ofUtf8("s")).maxLength(64).build()
                .verify("/" + "a".repeat(64)).rejection().orElseThrow());
        WeeklyLinkVerifier weekly = WeeklyLinkVerifier.builder(KeySet.ofUtf8("1234")).clock(WEEK_52).maxLength(WEEKLY.length()).build();
        assertTrue(weekly.verify(WEEKLY).isAccepted());
        assertEquals(Rejection.TOO_LONG, weekly.verify(WEEKLY + "?").rejection().orElseThrow());
        WeeklyLinkVerifier.builder(KeySet.ofUtf8("k")).maxLength(16);
        assertThrows(IllegalArgumentException.class, () -> WeeklyLinkVerifier.builder(KeySet.ofUtf8("k")).maxLength(15));
    }

    @Test
    void expiredStatusIsAny4xxAndLeewayAtMostADay() {
        for (int status : new int[] {400, 499}) {
            ExpiringLinkVerifier.builder(KeySet.ofUtf8("k")).expiredStatus(status);
            AureliaLinkVerifier.builder(KeySet.ofUtf8("k")).expiredStatus(status);
        }
        for (int status : new int[] {399, 500}) {
            assertThrows(IllegalArgumentException.class, () -> ExpiringLinkVerifier.builder(KeySet.ofUtf8("k")).expiredStatus(status));
            assertThrows(IllegalArgumentException.class, () -> AureliaLinkVerifier.builder(KeySet.ofUtf8("k")).expiredStatus(status));
        }
        ExpiringLinkVerifier.builder(KeySet.ofUtf8("k")).leewaySeconds(0).leewaySeconds(86_400);
        assertThrows(IllegalArgumentException.class, () -> ExpiringLinkVerifier.builder(KeySet.ofUtf8("k")).leewaySeconds(-1));
        assertThrows(IllegalArgumentException.class, () -> ExpiringLinkVerifier.builder(KeySet.ofUtf8("k")).leewaySeconds(86_401));
        assertThrows(IllegalArgumentException.class, () -> ExpiringLinkVerifier.builder(KEYS).expiresParam("x")
                .signatureParam("x").build());
    }

    @Test
    void toStringNeverShowsTheKey() {
        for (Object o : new Object[] {ExpiringLinkSigner.builder(KEYS).build(),
                ExpiringLinkVerifier.builder(KEYS).build(), AureliaLinkSigner.builder(KEYS).build(),
                AureliaLinkVerifier.builder(KEYS).build(), WeeklyLinkSigner.builder(KEYS).build(),
                WeeklyLinkVerifier.builder(KEYS).build()}) {
            String s = o.toString();
            assertFalse(s.contains(SECRET + "]") || s.contains("=" + SECRET), s);
            assertTrue(s.startsWith(o.getClass().getSimpleName() + "[") && s.contains("redacted"), s);
        }
    }

    @Test
    void parametersAreEncodedExceptUnreservedCharacters() {
        ExpiringLinkSigner signer = ExpiringLinkSigner.builder(KEYS).build();
        String url = signer.sign(ExpiringLink.of("/a", 1).withParam("v", "@AZ[`az{/09:-._~ é"));
        // CPython 3.11 urllib.parse.quote(value, safe='')
        assertTrue(url.startsWith("/a?v=%40AZ%5B%60az%7B%2F09%3A-._~%20%C3%A9&expires=1&signature="), url);
        for (String bucket : new String[] {"@", "[", "`", "{", "/", ":", " ", "é"}) {
            assertThrows(IllegalArgumentException.class, () -> WeeklyLink.full(bucket, "https://a/"), bucket);
        }
        for (String bucket : new String[] {"A", "Z", "a", "z", "0", "9", "-", "_", "~", ".a", "x".repeat(64)}) {
            assertEquals(bucket, WeeklyLink.full(bucket, "https://a/").bucket());
        }
        assertThrows(IllegalArgumentException.class, () -> WeeklyLink.full("x".repeat(65), "https://a/"));
    }

    @Test
    void weeklyProviderOptions() {
        WeeklySchemeProvider provider = new WeeklySchemeProvider();
        SchemeConfig.Builder c = SchemeConfig.builder().keys(KeySet.ofUtf8("1234")).clock(WEEK_52);
        UrlVerifier<?> verifier = provider.verifier(c.option("graceWeeks", "0").option("maxLength", "100")
                .option("allowedSizes", "150, 999").option("zone", "UTC").option("protocol", "bucket")
                .option("proxyInMessage", "true").option("calendarYearKeys", "false").build());
        assertTrue(verifier.verify(WEEKLY).isAccepted());
        assertEquals(Rejection.TOO_LONG, verifier.verify(WEEKLY + "x".repeat(100)).rejection().orElseThrow());
        assertEquals(Rejection.MALFORMED, verifier.verify(WEEKLY.replace("full", "250x")).rejection().orElseThrow());
        assertTrue(verifier.verify(WEEKLY.replace("full", "999x")).isAccepted());
        // Grace 0: a week later the link is refused (with the default grace of 1 it is accepted, tcId 24).
        UrlVerifier<?> later = provider.verifier(SchemeConfig.builder().keys(KeySet.ofUtf8("1234")).clock(at(1641168000L))
                .option("graceWeeks", "0").build());
        assertFalse(later.verify(WEEKLY).isAccepted());
        assertTrue(provider.verifier(SchemeConfig.builder().keys(KeySet.ofUtf8("1234")).clock(at(1641168000L)).build())
                .verify(WEEKLY).isAccepted());
        // Today's server leaves /proxy out of the message (weekly.json tcId 45).
        UrlVerifier<?> server = provider.verifier(SchemeConfig.builder().keys(KeySet.ofUtf8("1234")).clock(WEEK_52)
                .option("proxyInMessage", "false").build());
        assertTrue(server.verify(WEEKLY + "/proxy").isAccepted());
        assertThrows(IllegalArgumentException.class, () -> provider.verifier(SchemeConfig.builder().keys(KEYS)
                .option("zone", "Mars/Olympus").build()));
        assertThrows(IllegalArgumentException.class, () -> provider.verifier(SchemeConfig.builder().keys(KEYS)
                .option("allowedSizes", "a").build()));
        // The one boolean rule of SchemeConfig.flag: ASCII case-insensitive, spaces stripped.
        assertTrue(provider.verifier(SchemeConfig.builder().keys(KeySet.ofUtf8("1234")).clock(WEEK_52)
                .option("proxyInMessage", " FALSE ").build()).verify(WEEKLY + "/proxy").isAccepted());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> provider.verifier(SchemeConfig.builder()
                .keys(KEYS).option("proxyInMessage", "yes").build())).getMessage().contains("proxyInMessage"));
        assertThrows(IllegalArgumentException.class, () -> provider.verifier(SchemeConfig.builder().keys(KEYS)
                .option("graceWeeks", "x").build()));
        assertThrows(IllegalArgumentException.class, () -> provider.verifier(SchemeConfig.builder().keys(KEYS)
                .option("hots", "x").build()));

        @SuppressWarnings("unchecked")
        UrlSigner<WeeklyLink> signer = (UrlSigner<WeeklyLink>) provider.signer(SchemeConfig.builder()
                .keys(KeySet.ofUtf8("1234")).clock(WEEK_52).option("host", "https://img.example")
                .option("staticServer", "https://static.example").option("passThroughNonHttp", "false")
                .option("protocol", "bucket").option("proxyInMessage", "true").option("calendarYearKeys", "false")
                .option("zone", "UTC").build());
        assertEquals("https://img.example" + WEEKLY, signer.sign(WeeklyLink.full("i", "https://example_url/img.jpg")));
        assertEquals("https://static.example/x.png", signer.sign(WeeklyLink.full("i", "https://static.example/x.png")));
        assertThrows(IllegalArgumentException.class, () -> signer.sign(WeeklyLink.full("i", "ftp://a/x.png")));
        @SuppressWarnings("unchecked")
        UrlSigner<WeeklyLink> v1 = (UrlSigner<WeeklyLink>) provider.signer(SchemeConfig.builder()
                .keys(KeySet.ofUtf8("1234")).clock(WEEK_52).option("protocol", "v1").build());
        // weekly.json tcId 1 (seed 002): the first protocol signs ext_url alone.
        assertEquals("/i/full/ae0_4RXxKhh6_AwX/aHR0cHM6Ly9leGFtcGxlX3VybC9pbWcuanBn",
                v1.sign(WeeklyLink.full("i", "https://example_url/img.jpg")));
    }

    @Test
    void expiringProviderOptions() {
        ExpiringSchemeProvider provider = new ExpiringSchemeProvider();
        @SuppressWarnings("unchecked")
        UrlVerifier<ExpiringLink> v = (UrlVerifier<ExpiringLink>) provider.verifier(SchemeConfig.builder().keys(KEYS)
                .clock(at(1700000010L)).option("leewaySeconds", "10").option("expiredStatus", "404")
                .option("maxLength", LINK.length() + "").option("format", "hmac").build());
        assertTrue(v.verify(LINK).isAccepted(), "valid for the 10 s of leeway");
        assertEquals(Rejection.TOO_LONG, v.verify(LINK + "&").rejection().orElseThrow());
        @SuppressWarnings("unchecked")
        UrlVerifier<ExpiringLink> late = (UrlVerifier<ExpiringLink>) provider.verifier(SchemeConfig.builder().keys(KEYS)
                .clock(at(1700000011L)).option("leewaySeconds", "10").option("expiredStatus", "404").build());
        Verification.Rejected<ExpiringLink> r = (Verification.Rejected<ExpiringLink>) late.verify(LINK);
        assertEquals(Rejection.EXPIRED, r.reason());
        assertEquals(404, r.httpStatus());
        @SuppressWarnings("unchecked")
        UrlSigner<ExpiringLink> renamed = (UrlSigner<ExpiringLink>) provider.signer(SchemeConfig.builder().keys(KEYS)
                .option("expiresParam", "e").option("signatureParam", "s").option("host", "https://h").build());
        String signed = renamed.sign(ExpiringLink.of("/a.png", 5));
        assertTrue(signed.startsWith("https://h/a.png?e=5&s="), signed);
        @SuppressWarnings("unchecked")
        UrlVerifier<ExpiringLink> renamedVerifier = (UrlVerifier<ExpiringLink>) provider.verifier(SchemeConfig.builder()
                .keys(KEYS).clock(at(0)).option("expiresParam", "e").option("signatureParam", "s").build());
        assertTrue(renamedVerifier.verify(signed.substring("https://h".length())).isAccepted());

        // aurelia: its own options only.
        @SuppressWarnings("unchecked")
        UrlVerifier<AureliaLink> aurelia = (UrlVerifier<AureliaLink>) provider.verifier(SchemeConfig.builder()
                .keys(KeySet.ofUtf8("super secret code")).option("format", "aurelia").option("expiredStatus", "410")
                .option("maxLength", "64").build());
        assertEquals(Rejection.TOO_LONG, aurelia.verify("/" + "a".repeat(64)).rejection().orElseThrow());
        UrlSigner<?> aureliaSigner = provider.signer(SchemeConfig.builder().keys(KEYS).clock(at(0)).option("format", "aurelia")
                .option("host", "https://h").build());
        assertTrue(((AureliaLinkSigner) aureliaSigner).sign(new AureliaLink("/a.png", 5)).startsWith("https://h/a.png?"));
        assertThrows(IllegalArgumentException.class, () -> provider.verifier(SchemeConfig.builder().keys(KEYS)
                .option("format", "aurelia").option("leewaySeconds", "1").build()));
        assertThrows(IllegalArgumentException.class, () -> provider.verifier(SchemeConfig.builder().keys(KEYS)
                .option("format", "jwt").build()));
        assertThrows(IllegalArgumentException.class, () -> provider.verifier(SchemeConfig.builder().keys(KEYS)
                .option("expires", "x").build()));
        assertThrows(IllegalArgumentException.class, () -> provider.verifier(SchemeConfig.builder().keys(KEYS)
                .option("leewaySeconds", "ten").build()));
    }
}
