package dev.imgsign.core;

import dev.imgsign.core.spi.SchemeConfig;
import dev.imgsign.core.spi.SchemeProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SchemesTest {

    @Test
    void providersAreFoundByName() {
        SchemeProvider provider = Schemes.provider("reverse-test");
        assertEquals("reverse-test", provider.name());
        assertTrue(Schemes.all().containsKey("reverse-test"));
        SchemeConfig config = SchemeConfig.builder().keys(KeySet.ofUtf8("k")).build();
        @SuppressWarnings("unchecked")
        UrlSigner<String> signer = (UrlSigner<String>) provider.signer(config);
        @SuppressWarnings("unchecked")
        UrlVerifier<String> verifier = (UrlVerifier<String>) provider.verifier(config);
        assertEquals("abc", verifier.verify(signer.sign("abc")).orElseThrow());
    }

    @Test
    void anUnknownSchemeNamesTheAvailableOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schemes.provider("nope"));
        assertTrue(e.getMessage().contains("reverse-test"), e.getMessage());
    }

    @Test
    void unknownOptionsAreRefused() {
        SchemeConfig config = SchemeConfig.builder().keys(KeySet.ofUtf8("k")).option("typo", "1").build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Schemes.provider("reverse-test").verifier(config));
        assertTrue(e.getMessage().contains("typo"));
    }

    @Test
    void configWithoutKeysSaysSo() {
        SchemeConfig config = SchemeConfig.builder().build();
        assertThrows(IllegalArgumentException.class, config::keys);
        assertEquals(ZoneOffset.UTC, config.clock().getZone());
        Clock fixed = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        assertEquals(fixed, SchemeConfig.builder().clock(fixed).build().clock());
    }

    @Test
    void configToStringRedactsKeys() {
        SchemeConfig config = SchemeConfig.builder().keys(KeySet.ofUtf8("hunter2")).build();
        assertTrue(!config.toString().contains("hunter2"));
    }
}
