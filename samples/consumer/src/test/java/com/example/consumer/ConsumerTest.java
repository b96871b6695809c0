package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.camo.CamoSigner;
import dev.imgsign.camo.CamoVerifier;
import dev.imgsign.core.KeySet;
import dev.imgsign.core.Verification;
import dev.imgsign.expiring.link.ExpiringLink;
import dev.imgsign.expiring.link.ExpiringLinkSigner;
import dev.imgsign.expiring.link.ExpiringLinkVerifier;
import dev.imgsign.expiring.weekly.WeeklyLink;
import dev.imgsign.expiring.weekly.WeeklyLinkSigner;
import dev.imgsign.expiring.weekly.WeeklyLinkVerifier;
import dev.imgsign.expiring.weekly.WeeklyProtocol;
import dev.imgsign.imageproxy.ImageproxyOptions;
import dev.imgsign.imageproxy.ImageproxyRequest;
import dev.imgsign.imageproxy.ImageproxySigner;
import dev.imgsign.imageproxy.ImageproxyVerifier;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The README's snippets, compiled against the published artifacts, reproducing values the peers publish
 * (go-camo's url-tool example, willnorris/imageproxy's signing example, imageproxy-py's test vector).
 */
class ConsumerTest {
    @Test
    void camoAsGoCamosUrlToolPublishesIt() {
        String key = "test";
        CamoSigner camo = CamoSigner.builder(KeySet.ofUtf8(key)).prefix("https://img.example.org").build();
        String src = camo.sign("http://golang.org/doc/gopher/frontpage.png");
        assertEquals("https://img.example.org/0f6def1cb147b0e84f39cbddc5ea10c80253a6f3/"
                + "687474703a2f2f676f6c616e672e6f72672f646f632f676f706865722f66726f6e74706167652e706e67", src);

        String requestTarget = URI.create(src).getRawPath();
        Verification<String> v = CamoVerifier.builder(KeySet.ofUtf8(key)).build().verify(requestTarget);
        assertEquals("http://golang.org/doc/gopher/frontpage.png", v.orElseThrow());
    }

    @Test
    void imageproxyAsItsReadmePublishesIt() {
        String key = "secretkey";
        ImageproxySigner signer = ImageproxySigner.builder(KeySet.ofUtf8(key)).baseUrl("http://localhost:8080").build();
        String url = signer.sign("https://octodex.github.com/images/codercat.jpg", ImageproxyOptions.parse("400x400,q40"));
        assertEquals("http://localhost:8080/400x400,q40,s0sR2kjyfiF1RQRj4Jm2fFa3_6SDFqdAaDEmy1oD2U-4=/"
                + "https://octodex.github.com/images/codercat.jpg", url);

        String target = url.substring("http://localhost:8080".length());
        Verification<ImageproxyRequest> v = ImageproxyVerifier.builder(KeySet.ofUtf8(key))
                .requireSignedOptions(true).build().verify(target);
        assertEquals("https://octodex.github.com/images/codercat.jpg", v.orElseThrow().remoteUrl());
    }

    @Test
    void weeklyLinkAsImageproxyPyPublishesIt() {
        // imageproxy-py's README test vector: secret 1234, first protocol, 2021-12-28T22:20Z.
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1640730000L), ZoneOffset.UTC);
        WeeklyLinkSigner signer = WeeklyLinkSigner.builder(KeySet.ofUtf8("1234")).clock(clock)
                .protocol(WeeklyProtocol.FIRST_VERSION).build();
        String path = signer.sign(WeeklyLink.resized("i", "https://example_url/img.jpg", 0, 0));
        assertEquals("/i/full/ae0_4RXxKhh6_AwX/aHR0cHM6Ly9leGFtcGxlX3VybC9pbWcuanBn", path);

        Verification<WeeklyLink> w = WeeklyLinkVerifier.builder(KeySet.ofUtf8("1234")).clock(clock)
                .protocol(WeeklyProtocol.FIRST_VERSION).build().verify(path);
        assertEquals("https://example_url/img.jpg", w.orElseThrow().imageUrl());
    }

    @Test
    void expiringLinksRoundTrip() {
        String secret = "a consumer's secret of 32 bytes!";
        ExpiringLinkSigner links = ExpiringLinkSigner.builder(KeySet.ofUtf8(secret)).build();
        String tmp = links.sign("/avatar/cat.png", Duration.ofMinutes(10));
        assertTrue(tmp.startsWith("/avatar/cat.png?expires="), tmp);
        Verification<ExpiringLink> e = ExpiringLinkVerifier.builder(KeySet.ofUtf8(secret)).build().verify(tmp);
        assertEquals("/avatar/cat.png", e.orElseThrow().path());
    }
}
