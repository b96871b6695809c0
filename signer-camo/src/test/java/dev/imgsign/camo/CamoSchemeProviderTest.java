package dev.imgsign.camo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.spi.SchemeConfig;
import dev.imgsign.core.spi.SchemeProvider;
import dev.imgsign.core.Schemes;
import dev.imgsign.core.UrlSigner;
import dev.imgsign.core.UrlVerifier;
import dev.imgsign.vectors.TestVectors;
import dev.imgsign.vectors.TestVectors.Vector;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CamoSchemeProviderTest {
    private static SchemeConfig config(Map<String, String> options) {
        return SchemeConfig.builder().keys(KeySet.ofUtf8("test")).options(options).build();
    }

    @Test
    void providerIsFoundByNameThroughTheServiceLoader() {
        SchemeProvider provider = Schemes.provider("camo");
        assertInstanceOf(CamoSchemeProvider.class, provider);
        assertTrue(provider.optionNames().contains("dialect"));
        assertTrue(!provider.description().isBlank());
    }

    @Test
    @SuppressWarnings("unchecked")
    void configuredSignerReproducesThePublishedBase64Example() {
        Vector published = TestVectors.load("camo").tests("CamoSign").get(1);
        UrlSigner<String> signer = (UrlSigner<String>) Schemes.provider("camo")
                .signer(config(Map.of("prefix", published.get("prefix") + "/", "encoding", "base64")));
        assertEquals(published.get("signedUrl"), signer.sign(published.get("url")));
    }

    @Test
    void configuredVerifierHonoursDialectLengthAndPolicy() {
        UrlVerifier<?> atmos = Schemes.provider("camo").verifier(config(Map.of("dialect", "atmos-camo", "maxLength", "50",
                "rejectPrivateAddresses", "true")));
        assertEquals(Rejection.TOO_LONG, atmos.verify("/" + "a".repeat(60)).rejection().orElseThrow());
        assertEquals(CamoDialect.ATMOS_CAMO, ((CamoVerifier) atmos).dialect());
        UrlSigner<?> skip = Schemes.provider("camo").signer(config(Map.of("skipHttps", "true", "encoding", "query")));
        assertEquals("https://example.com/a", ((CamoSigner) skip).sign("https://example.com/a"));
    }

    @Test
    void unknownOptionsAndBadValuesAreRefusedWithTheirName() {
        SchemeProvider provider = Schemes.provider("camo");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> provider.signer(config(Map.of("prefx", "x"))))
                .getMessage().contains("prefx"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> provider.signer(config(Map.of("encoding", "base32")))).getMessage().contains("encoding"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> provider.verifier(config(Map.of("dialect", "camo")))).getMessage().contains("dialect"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> provider.verifier(config(Map.of("maxLength", "-1")))).getMessage().contains("maxLength"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> provider.verifier(config(Map.of("rejectPrivateAddresses", "yes")))).getMessage()
                .contains("rejectPrivateAddresses"));
        assertThrows(IllegalArgumentException.class, () -> provider.verifier(SchemeConfig.builder().build()));
    }

    @Test
    void eitherSideRefusesABadValueOfAnyOption() {
        SchemeProvider provider = Schemes.provider("camo");
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> provider.signer(config(Map.of("dialect", "camo")))).getMessage().contains("dialect"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> provider.signer(config(Map.of("maxLength", "0")))).getMessage().contains("maxLength"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> provider.verifier(config(Map.of("encoding", "base32")))).getMessage().contains("encoding"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> provider.verifier(config(Map.of("skipHttps", "1")))).getMessage().contains("skipHttps"));
    }

    @Test
    void booleansFollowTheOneRuleOfSchemeConfig() {
        SchemeProvider provider = Schemes.provider("camo");
        CamoSigner skip = (CamoSigner) provider.signer(config(Map.of("skipHttps", " TRUE ")));
        assertEquals("https://example.com/a", skip.sign("https://example.com/a"));
        CamoVerifier strict = (CamoVerifier) provider.verifier(config(Map.of("rejectPrivateAddresses", "True",
                "dialect", "ATMOS-CAMO")));
        CamoSigner signer = CamoSigner.builder(KeySet.ofUtf8("test")).build();
        assertEquals(Rejection.TARGET_REFUSED,
                strict.verify(signer.sign("http://127.0.0.1/a")).rejection().orElseThrow());
        assertEquals(CamoDialect.ATMOS_CAMO, strict.dialect());
    }
}
