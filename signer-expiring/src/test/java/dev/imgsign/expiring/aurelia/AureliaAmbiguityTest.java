package dev.imgsign.expiring.aurelia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.UrlVerifier;
import dev.imgsign.core.Verification;
import dev.imgsign.core.spi.SchemeConfig;
import dev.imgsign.expiring.link.ExpiringSchemeProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 2: the aurelia credential {@code decimal(expires_at) + imageName} has no separator,
 * so digits can move between the two fields. Each test performs the attack through the public API.
 */
class AureliaAmbiguityTest {
    private static final String SECRET = "super secret code";
    private static final long EXPIRES_AT = 1_800_000_000L;
    private static final Clock HOUR_BEFORE = at(EXPIRES_AT - 3600);

    private static Clock at(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    private static String signatureOf(String url) {
        int start = url.indexOf("signature=") + "signature=".length();
        return url.substring(start, url.indexOf('&', start));
    }

    /** Verifier answering as seed 001's Go server: no limit, Atoi forms, signature first. */
    private static AureliaLinkVerifier asSeed001(Clock clock) {
        return AureliaLinkVerifier.builder(KeySet.ofUtf8(SECRET)).clock(clock).maxValidity(Duration.ofSeconds(Long.MAX_VALUE))
                .acceptNonCanonicalExpiry(true).signatureBeforeExpiry(true).build();
    }

    @Test
    void aLinkForOneImageIsRecutIntoACenturiesLongLinkForAnother() {
        String genuine = AureliaLinkSigner.builder(KeySet.ofUtf8(SECRET)).clock(HOUR_BEFORE).build()
                .sign(new AureliaLink("/avatar/12.png", EXPIRES_AT));
        String recut = "/avatar/2.png?signature=" + signatureOf(genuine) + "&expires_at=18000000001";

        // The format allows it: the seed's server accepts another image for centuries.
        AureliaLink forged = asSeed001(HOUR_BEFORE).verify(recut).orElseThrow();
        assertEquals("2.png", forged.imageName());
        assertEquals(18_000_000_001L, forged.expiresAt());

        // The default verifier refuses it before any PBKDF2 work, and still accepts the genuine link.
        AureliaLinkVerifier verifier = AureliaLinkVerifier.builder(KeySet.ofUtf8(SECRET)).clock(HOUR_BEFORE).build();
        Verification.Rejected<AureliaLink> refused = (Verification.Rejected<AureliaLink>) verifier.verify(recut);
        assertEquals(Rejection.BAD_SIGNATURE, refused.reason());
        assertEquals(403, refused.httpStatus());
        assertTrue(refused.detail().contains("after now"), refused.detail());
        assertEquals("12.png", verifier.verify(genuine).orElseThrow().imageName());
        // ...at every instant the genuine link is valid
        assertFalse(AureliaLinkVerifier.builder(KeySet.ofUtf8(SECRET)).clock(at(EXPIRES_AT)).build().verify(recut).isAccepted());
    }

    @Test
    void aLinkRecutTheOtherWayIsLongExpired() {
        String genuine = AureliaLinkSigner.builder(KeySet.ofUtf8(SECRET)).clock(HOUR_BEFORE).build()
                .sign(new AureliaLink("/avatar/x.png", EXPIRES_AT));
        String recut = "/avatar/0x.png?signature=" + signatureOf(genuine) + "&expires_at=180000000";
        assertEquals(Rejection.EXPIRED, asSeed001(HOUR_BEFORE).verify(recut).rejection().orElseThrow(),
                "the signature authenticates; only the expiry stops it");
        assertEquals(Rejection.EXPIRED, AureliaLinkVerifier.builder(KeySet.ofUtf8(SECRET)).clock(HOUR_BEFORE).build()
                .verify(recut).rejection().orElseThrow());
    }

    @Test
    void nonCanonicalExpiryIsMalformedUnlessConfigured() {
        String genuine = AureliaLinkSigner.builder(KeySet.ofUtf8(SECRET)).clock(HOUR_BEFORE).build()
                .sign(new AureliaLink("/avatar/x.png", EXPIRES_AT));
        AureliaLinkVerifier strict = AureliaLinkVerifier.builder(KeySet.ofUtf8(SECRET)).clock(HOUR_BEFORE).build();
        AureliaLinkVerifier lenient = AureliaLinkVerifier.builder(KeySet.ofUtf8(SECRET)).clock(HOUR_BEFORE)
                .acceptNonCanonicalExpiry(true).build();
        for (String form : new String[] {"%2B1800000000", "01800000000", "0001800000000"}) {
            String target = genuine.replace("expires_at=1800000000", "expires_at=" + form);
            assertEquals(Rejection.MALFORMED, strict.verify(target).rejection().orElseThrow(), form);
            assertTrue(lenient.verify(target).isAccepted(), form);
        }
        for (String form : new String[] {"-0", "+0", "00"}) {
            assertEquals(Rejection.MALFORMED, strict.verify("/a.png?signature=x&expires_at=" + form)
                    .rejection().orElseThrow(), form);
        }
    }

    @Test
    void signersRefuseLinksBeyondTheMaximumValidityOrAlreadyDead() {
        AureliaLinkSigner signer = AureliaLinkSigner.builder(KeySet.ofUtf8(SECRET)).clock(HOUR_BEFORE).build();
        long now = EXPIRES_AT - 3600;
        long week = AureliaLinkVerifier.DEFAULT_MAX_VALIDITY.getSeconds();
        assertEquals(604_800L, week);
        assertTrue(signer.sign(new AureliaLink("/a.png", now + week)).endsWith("expires_at=" + (now + week)));
        assertTrue(signer.sign(new AureliaLink("/a.png", now)).endsWith("expires_at=" + now));
        IllegalArgumentException far = assertThrows(IllegalArgumentException.class,
                () -> signer.sign(new AureliaLink("/a.png", now + week + 1)));
        assertTrue(far.getMessage().contains("maximum validity"), far.getMessage());
        assertThrows(IllegalArgumentException.class, () -> signer.sign("/a.png", Duration.ofDays(8)));
        assertThrows(IllegalArgumentException.class, () -> signer.sign(new AureliaLink("/a.png", now - 1)));
        assertThrows(IllegalArgumentException.class, () -> signer.sign(new AureliaLink("/a.png", Long.MAX_VALUE)));

        AureliaLinkSigner yearly = AureliaLinkSigner.builder(KeySet.ofUtf8(SECRET)).clock(HOUR_BEFORE)
                .maxValidity(Duration.ofDays(366)).build();
        String year = yearly.sign("/a.png", Duration.ofDays(365));
        assertEquals(Rejection.BAD_SIGNATURE, AureliaLinkVerifier.builder(KeySet.ofUtf8(SECRET)).clock(HOUR_BEFORE).build()
                .verify(year).rejection().orElseThrow(), "beyond the verifier's 7 days");
        assertTrue(AureliaLinkVerifier.builder(KeySet.ofUtf8(SECRET)).clock(HOUR_BEFORE).maxValidity(Duration.ofDays(366))
                .build().verify(year).isAccepted());
        assertThrows(IllegalArgumentException.class, () -> AureliaLinkVerifier.builder(KeySet.ofUtf8("k")).maxValidity(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> AureliaLinkSigner.builder(KeySet.ofUtf8("k")).maxValidity(Duration.ofMillis(999)));
        assertThrows(IllegalArgumentException.class, () -> AureliaLinkSigner.builder(KeySet.ofUtf8("k")).maxValidity(null));
    }

    @Test
    void schemeProviderOptions() {
        ExpiringSchemeProvider provider = new ExpiringSchemeProvider();
        KeySet keys = KeySet.ofUtf8(SECRET);
        String genuine = AureliaLinkSigner.builder(KeySet.ofUtf8(SECRET)).clock(HOUR_BEFORE).build()
                .sign(new AureliaLink("/a/x.png", EXPIRES_AT));
        String leadingZero = genuine.replace("expires_at=", "expires_at=0");
        UrlVerifier<?> byDefault = provider.verifier(SchemeConfig.builder().keys(keys)
                .clock(at(EXPIRES_AT - 3 * 86400)).option("format", "aurelia").build());
        assertTrue(byDefault.verify(genuine).isAccepted());
        assertEquals(Rejection.MALFORMED, byDefault.verify(leadingZero).rejection().orElseThrow());
        UrlVerifier<?> shortWindow = provider.verifier(SchemeConfig.builder().keys(keys)
                .clock(HOUR_BEFORE).option("format", "aurelia").option("maxValiditySeconds", "60")
                .option("acceptNonCanonicalExpiry", "true").option("signatureBeforeExpiry", "true").build());
        assertEquals(Rejection.BAD_SIGNATURE, shortWindow.verify(genuine).rejection().orElseThrow());
        AureliaLinkSigner signer = (AureliaLinkSigner) provider.signer(SchemeConfig.builder().keys(keys)
                .clock(HOUR_BEFORE).option("format", "aurelia").option("maxValiditySeconds", "60").build());
        assertThrows(IllegalArgumentException.class, () -> signer.sign("/a/x.png", Duration.ofSeconds(61)));
        for (String option : new String[] {"maxValiditySeconds", "acceptNonCanonicalExpiry", "signatureBeforeExpiry"}) {
            assertThrows(IllegalArgumentException.class, () -> provider.verifier(SchemeConfig.builder()
                    .keys(keys).option(option, "1").build()), "hmac format: " + option);
        }
        assertThrows(IllegalArgumentException.class, () -> provider.verifier(SchemeConfig.builder()
                .keys(keys).option("format", "aurelia").option("maxValiditySeconds", "0").build()));
        assertThrows(IllegalArgumentException.class, () -> provider.verifier(SchemeConfig.builder()
                .keys(keys).option("format", "aurelia").option("signatureBeforeExpiry", "yes").build()));
    }

    /**
     * Any re-cut of a link our signer made (digits moved from the name's start into the expiry, or from
     * the expiry's end into the name) is refused by the default verifier at any instant the genuine
     * link is valid. The refusal comes before the PBKDF2, so only the signing costs work here.
     */
    @Property(tries = 25)
    void everyRecutIsRefused(@ForAll @LongRange(min = 1_000_000_000L, max = 4_102_444_800L) long signedAt,
            @ForAll @LongRange(min = 0, max = 604_800) long validity,
            @ForAll @LongRange(min = 0, max = 604_800) long elapsed,
            @ForAll @IntRange(min = 1, max = 4) int moved) {
        long expiresAt = signedAt + validity;
        String digits = "1234567890".substring(0, moved);
        String name = digits + "x.png";
        String genuine = AureliaLinkSigner.builder(KeySet.ofUtf8(SECRET)).clock(at(signedAt)).build()
                .sign(new AureliaLink("/a/" + name, expiresAt));
        String sig = signatureOf(genuine);
        String expiry = Long.toString(expiresAt);
        String longer = "/a/x.png?signature=" + sig + "&expires_at=" + expiry + digits;
        String shorter = "/a/" + expiry.substring(expiry.length() - moved) + name + "?signature=" + sig
                + "&expires_at=" + expiry.substring(0, expiry.length() - moved);
        AureliaLinkVerifier verifier = AureliaLinkVerifier.builder(KeySet.ofUtf8(SECRET))
                .clock(at(signedAt + Math.min(elapsed, validity))).build();
        assertTrue(verifier.verify(genuine).isAccepted());
        assertFalse(verifier.verify(longer).isAccepted(), longer);
        assertFalse(verifier.verify(shorter).isAccepted(), shorter);
    }
}
