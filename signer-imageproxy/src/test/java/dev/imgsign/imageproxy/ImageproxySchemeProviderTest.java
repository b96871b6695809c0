package dev.imgsign.imageproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.ProxyRequest;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.spi.SchemeConfig;
import dev.imgsign.core.spi.SchemeProvider;
import dev.imgsign.core.Schemes;
import dev.imgsign.core.UrlVerifier;
import dev.imgsign.core.Verification;
import org.junit.jupiter.api.Test;

class ImageproxySchemeProviderTest {
    private static final String PUBLISHED = "/400x400,q40,s0sR2kjyfiF1RQRj4Jm2fFa3_6SDFqdAaDEmy1oD2U-4=/"
            + "https://octodex.github.com/images/codercat.jpg";

    @Test
    void isRegisteredByName() {
        SchemeProvider provider = Schemes.provider("imageproxy");
        assertInstanceOf(ImageproxySchemeProvider.class, provider);
        assertTrue(provider.optionNames().contains("baseUrl"));
        assertTrue(provider.description().contains("imageproxy"));
    }

    @Test
    void buildsASignerMatchingThePublishedUrl() {
        SchemeConfig config = SchemeConfig.builder().keys(KeySet.ofUtf8("secretkey"))
                .option("baseUrl", "http://localhost:8080").build();
        ImageproxySigner signer = new ImageproxySchemeProvider().signer(config);
        assertEquals("http://localhost:8080" + PUBLISHED, signer.sign("https://octodex.github.com/images/codercat.jpg",
                ImageproxyOptions.parse("400x400,q40")));
    }

    @Test
    void buildsVerifiersFromOptions() {
        ImageproxySchemeProvider provider = new ImageproxySchemeProvider();
        UrlVerifier<?> keyed = provider.verifier(SchemeConfig.builder().keys(KeySet.ofUtf8("secretkey"))
                .option("requireSignedOptions", "true").option("denyHosts", "evil.example, 10.0.0.0/8")
                .option("maxLength", "512").build());
        assertTrue(keyed.verify(PUBLISHED).isAccepted());
        assertEquals(Rejection.HOST_NOT_ALLOWED,
                keyed.verify("/0x0/http://10.1.1.1/a.jpg").rejection().orElseThrow());
        assertEquals(Rejection.TOO_LONG, keyed.verify("/" + "x".repeat(600)).rejection().orElseThrow());

        Verification<?> allowed = provider.verifier(SchemeConfig.builder()
                .option("allowHosts", "*.example.com,,").build()).verify("/100/https://img.example.com/a.jpg");
        assertTrue(allowed.isAccepted());
    }

    @Test
    void refusesIncompleteOrUnknownConfiguration() {
        ImageproxySchemeProvider provider = new ImageproxySchemeProvider();
        assertThrows(IllegalArgumentException.class, () -> provider.verifier(SchemeConfig.builder().build()));
        assertThrows(IllegalArgumentException.class,
                () -> provider.signer(SchemeConfig.builder().keys(KeySet.ofUtf8("k")).build()));
        assertThrows(IllegalArgumentException.class, () -> provider.signer(SchemeConfig.builder()
                .keys(KeySet.ofUtf8("k")).option("baseUrl", "http://p").option("bogus", "1").build()));
        assertThrows(IllegalArgumentException.class, () -> provider.signer(SchemeConfig.builder()
                .keys(KeySet.ofUtf8("k")).option("baseUrl", "http://p").option("signOptions", "yes").build()));
        assertThrows(IllegalArgumentException.class, () -> provider.signer(SchemeConfig.builder()
                .keys(KeySet.ofUtf8("k")).option("baseUrl", "http://p").option("remoteUrlForm", "hex").build()));
        assertThrows(IllegalArgumentException.class, () -> provider.verifier(SchemeConfig.builder()
                .keys(KeySet.ofUtf8("k")).option("maxLength", "many").build()));
        ImageproxySigner b64 = provider.signer(SchemeConfig.builder().keys(KeySet.ofUtf8("k"))
                .option("baseUrl", "http://p").option("remoteUrlForm", "BASE64").option("signOptions", "false").build());
        assertTrue(b64.sign(ImageproxyRequest.of("https://example.com/a.jpg")).endsWith("/aHR0cHM6Ly9leGFtcGxlLmNvbS9hLmpwZw"));
    }

    @Test
    void referrersFromTheConfigurationCheckTheRefererOfTheRequest() {
        UrlVerifier<ImageproxyRequest> verifier = new ImageproxySchemeProvider().verifier(SchemeConfig.builder()
                .keys(KeySet.ofUtf8("secretkey")).option("referrers", "site.example").build());
        assertTrue(verifier.verify(ProxyRequest.of(PUBLISHED, "https://site.example/page")).isAccepted());
        assertEquals(Rejection.HOST_NOT_ALLOWED,
                verifier.verify(ProxyRequest.of(PUBLISHED, "https://other.example/")).rejection().orElseThrow());
        assertEquals(Rejection.HOST_NOT_ALLOWED, verifier.verify(PUBLISHED).rejection().orElseThrow(), "no Referer");
    }

    @Test
    void optionsFollowTheSharedRulesAndMisuseNamesTheOption() {
        ImageproxySchemeProvider provider = new ImageproxySchemeProvider();
        // one boolean rule: true/false in any ASCII case, spaces stripped
        ImageproxySigner urlOnly = provider.signer(SchemeConfig.builder().keys(KeySet.ofUtf8("k"))
                .option("baseUrl", "").option("signOptions", " FALSE ").build());
        assertEquals(false, urlOnly.signsOptions());
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> provider.verifier(
                SchemeConfig.builder().keys(KeySet.ofUtf8("k")).option("requireSignedOptions", "True")
                        .option("acceptUrlOnlySignaturesWithOptions", "TRUE").build()));
        assertTrue(both.getMessage().contains("requireSignedOptions, acceptUrlOnlySignaturesWithOptions"),
                both.getMessage());
        for (String[] bad : new String[][] {{"signOptions", "yes"}, {"remoteUrlForm", "Base64"}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> provider.signer(
                    SchemeConfig.builder().keys(KeySet.ofUtf8("k")).option("baseUrl", "").option(bad[0], bad[1])
                            .build()), bad[0]);
            assertTrue(e.getMessage().contains(bad[0]), e.getMessage());
        }
        for (String[] bad : new String[][] {{"requireSignedOptions", "1"}, {"maxLength", "0"},
                {"maxLength", "many"}, {"allowHosts", "*."}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> provider.verifier(
                    SchemeConfig.builder().keys(KeySet.ofUtf8("k")).option(bad[0], bad[1]).build()), bad[0]);
            assertTrue(e.getMessage().contains(bad[0]), e.getMessage());
        }
    }
}
