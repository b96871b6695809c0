package dev.imgsign.expiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.Schemes;
import dev.imgsign.core.UrlVerifier;
import dev.imgsign.core.spi.SchemeConfig;
import dev.imgsign.core.spi.SchemeProvider;
import dev.imgsign.expiring.aurelia.AureliaLinkSigner;
import dev.imgsign.expiring.aurelia.AureliaLinkVerifier;
import dev.imgsign.expiring.link.ExpiringLink;
import dev.imgsign.expiring.link.ExpiringLinkSigner;
import dev.imgsign.expiring.weekly.WeeklyLink;
import dev.imgsign.expiring.weekly.WeeklyLinkSigner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SchemeProvidersTest {
    private static final Clock SEED_002 = Clock.fixed(Instant.ofEpochSecond(1640730000L), ZoneOffset.UTC);

    @Test
    void weeklyIsRegisteredAndReproducesSeed002() {
        SchemeProvider weekly = Schemes.provider("weekly");
        SchemeConfig config = SchemeConfig.builder().keys(KeySet.ofUtf8("1234")).clock(SEED_002)
                .option("protocol", "v1").build();
        WeeklyLinkSigner signer = assertInstanceOf(WeeklyLinkSigner.class, weekly.signer(config));
        // seed 002's published vector
        assertEquals("/i/full/ae0_4RXxKhh6_AwX/aHR0cHM6Ly9leGFtcGxlX3VybC9pbWcuanBn",
                signer.sign(WeeklyLink.full("i", "https://example_url/img.jpg")));
        UrlVerifier<?> verifier = weekly.verifier(SchemeConfig.builder().keys(KeySet.ofUtf8("1234")).clock(SEED_002)
                .option("graceWeeks", "0").option("allowedSizes", "150, 999").option("zone", "UTC").build());
        assertTrue(verifier.verify("/i/999x/gnjO6SJxYbeT9VBz/aHR0cHM6Ly9leGFtcGxlX3VybC9pbWcuanBn").isAccepted());
    }

    @Test
    void expiringIsRegisteredInBothFormats() {
        SchemeProvider expiring = Schemes.provider("expiring");
        Clock atExpiry = Clock.fixed(Instant.ofEpochSecond(1700000000L), ZoneOffset.UTC);
        SchemeConfig hmac = SchemeConfig.builder().keys(KeySet.ofUtf8("secret")).clock(atExpiry).build();
        ExpiringLinkSigner signer = assertInstanceOf(ExpiringLinkSigner.class, expiring.signer(hmac));
        // expiring.json tcId 26 (CPython)
        String url = signer.sign(ExpiringLink.of("/avatar/cat.png", 1700000000L));
        assertEquals("/avatar/cat.png?expires=1700000000&signature=SSe7gW-w8ahSNhDRveK7AILXKbd36ak2eyfbGG8tcnE", url);
        assertTrue(expiring.verifier(hmac).verify(url).isAccepted());
        SchemeConfig aurelia = SchemeConfig.builder().keys(KeySet.ofUtf8("secret")).clock(atExpiry)
                .option("format", "aurelia").option("expiredStatus", "410").build();
        assertInstanceOf(AureliaLinkSigner.class, expiring.signer(aurelia));
        assertInstanceOf(AureliaLinkVerifier.class, expiring.verifier(aurelia));
    }

    @Test
    void badOptionsAreRefused() {
        KeySet keys = KeySet.ofUtf8("k");
        SchemeProvider weekly = Schemes.provider("weekly");
        SchemeProvider expiring = Schemes.provider("expiring");
        assertThrows(IllegalArgumentException.class,
                () -> weekly.signer(SchemeConfig.builder().keys(keys).option("protocl", "v1").build()));
        assertThrows(IllegalArgumentException.class,
                () -> weekly.signer(SchemeConfig.builder().keys(keys).option("protocol", "v2").build()));
        assertThrows(IllegalArgumentException.class,
                () -> weekly.verifier(SchemeConfig.builder().keys(keys).option("proxyInMessage", "yes").build()));
        assertThrows(IllegalArgumentException.class,
                () -> weekly.verifier(SchemeConfig.builder().keys(keys).option("zone", "Mars/Olympus").build()));
        assertThrows(IllegalArgumentException.class,
                () -> weekly.verifier(SchemeConfig.builder().keys(keys).option("allowedSizes", "150,x").build()));
        assertThrows(IllegalArgumentException.class, () -> weekly.signer(SchemeConfig.builder().build()));
        assertThrows(IllegalArgumentException.class,
                () -> expiring.signer(SchemeConfig.builder().keys(keys).option("format", "jwt").build()));
        assertThrows(IllegalArgumentException.class, () -> expiring.verifier(SchemeConfig.builder().keys(keys)
                .option("format", "aurelia").option("leewaySeconds", "5").build()));
        assertThrows(IllegalArgumentException.class,
                () -> expiring.verifier(SchemeConfig.builder().keys(keys).option("leewaySeconds", "soon").build()));
    }
}
