package dev.imgsign.imageproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.KeySet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** One builder shape: the key set is the builders' argument, shared settings behave alike, misuse names the setting. */
class ImageproxyBuilderTest {
    private static final KeySet KEYS = KeySet.ofUtf8("secretkey");
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

    private static void refused(String setting, Executable misuse) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, misuse);
        assertTrue(e.getMessage().startsWith(setting + ": "), e.getMessage());
    }

    @Test
    void everyMisuseIsAnIllegalArgumentNamingTheSetting() {
        refused("keys", () -> ImageproxySigner.builder(null));
        refused("keys", () -> ImageproxyVerifier.builder(null));
        refused("baseUrl", () -> ImageproxySigner.builder(KEYS).build());
        for (Supplier<? extends ImageproxySettings<?>> b : List.<Supplier<? extends ImageproxySettings<?>>>of(
                () -> ImageproxySigner.builder(KEYS), () -> ImageproxyVerifier.builder(KEYS))) {
            refused("baseUrl", () -> b.get().baseUrl(null));
            refused("baseUrl", () -> b.get().baseUrl("https://p/?q"));
            refused("baseUrl", () -> b.get().baseUrl("https://p/#f"));
            refused("clock", () -> b.get().clock(null));
        }
        refused("remoteUrlForm", () -> ImageproxySigner.builder(KEYS).remoteUrlForm(null));
        refused("maxLength", () -> ImageproxyVerifier.builder(KEYS).maxLength(0));
        refused("allowHosts", () -> ImageproxyVerifier.builder(KEYS).allowHosts(null));
        refused("denyHosts", () -> ImageproxyVerifier.builder(KEYS).denyHosts(null));
        refused("referrers", () -> ImageproxyVerifier.builder(KEYS).referrers(null));
        refused("allowHosts", () -> ImageproxyVerifier.builder(KEYS).allowHosts(List.of("*.")));
        refused("denyHosts", () -> ImageproxyVerifier.builder(KEYS).denyHosts(List.of("10.0.0.0/33")));
        refused("referrers", () -> ImageproxyVerifier.builder(KEYS).referrers(List.of("a.example:80")));
        refused("allowHosts", () -> ImageproxyVerifier.builderWithoutKeys().build());
        refused("requireSignedOptions, acceptUrlOnlySignaturesWithOptions", () -> ImageproxyVerifier.builder(KEYS)
                .requireSignedOptions(true).acceptUrlOnlySignaturesWithOptions(true).build());
    }

    @Test
    void sharedSettingsMeanTheSameToSignerAndVerifier() {
        ImageproxySigner signer = ImageproxySigner.builder(KEYS).baseUrl("https://img.example/").clock(CLOCK).build();
        ImageproxyVerifier verifier = ImageproxyVerifier.builder(KEYS).baseUrl("https://img.example/").clock(CLOCK)
                .build();
        assertEquals("https://img.example", verifier.baseUrl());
        String url = signer.sign("https://example.com/a.jpg", ImageproxyOptions.parse("100x100,vu1700000001"));
        assertTrue(url.startsWith("https://img.example/100x100,"), url);
        assertTrue(verifier.verify(url).isAccepted(), url);
        ImageproxyVerifier later = ImageproxyVerifier.builder(KEYS).baseUrl("https://img.example")
                .clock(Clock.offset(CLOCK, java.time.Duration.ofSeconds(1))).build();
        assertEquals(dev.imgsign.core.Rejection.EXPIRED, later.verify(url).rejection().orElseThrow());
    }
}
