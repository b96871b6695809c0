package dev.imgsign.expiring.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.Rejection;
import dev.imgsign.vectors.TestVectors;
import dev.imgsign.vectors.TestVectors.Vector;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The ExpiringHmacLink vectors of expiring.json (the aurelia groups are aurelia.AureliaVectorsTest's). */
class ExpiringVectorsTest {
    private static final TestVectors VECTORS = TestVectors.load("expiring");

    static Stream<Vector> hmacLinks() {
        return VECTORS.tests("ExpiringHmacLink").stream();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static ExpiringLink hmacLink(Vector v) {
        ExpiringLink link = ExpiringLink.of(v.get("path"), v.getLong("expiresAt"));
        for (String pair : v.list("params")) {
            int eq = pair.indexOf('=');
            link = link.withParam(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return link;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hmacLinks")
    void hmacLinkMatchesThePeer(Vector v) {
        KeySet keys = KeySet.ofUtf8(v.get("key"));
        ExpiringLink link = hmacLink(v);
        ExpiringLinkSigner signer = ExpiringLinkSigner.builder(keys)
                .expiresParam(v.get("expiresParam")).signatureParam(v.get("signatureParam")).build();
        assertEquals(v.get("url"), signer.sign(link));
        v.find("canonical").ifPresent(expected -> {
            List<byte[]> names = link.params().stream().map(p -> utf8(p.name())).toList();
            List<byte[]> values = link.params().stream().map(p -> utf8(p.value())).toList();
            assertEquals(expected, new String(CanonicalString.of(utf8(link.path()), names, values, link.expiresAt()),
                    StandardCharsets.UTF_8));
        });
        Clock atExpiry = Clock.fixed(Instant.ofEpochSecond(v.getLong("expiresAt")), ZoneOffset.UTC);
        ExpiringLinkVerifier verifier = ExpiringLinkVerifier.builder(keys).clock(atExpiry)
                .expiresParam(v.get("expiresParam")).signatureParam(v.get("signatureParam")).build();
        assertEquals(link, verifier.verify(v.get("url")).orElseThrow());
        Clock after = Clock.offset(atExpiry, java.time.Duration.ofSeconds(1));
        ExpiringLinkVerifier late = ExpiringLinkVerifier.builder(keys).clock(after)
                .expiresParam(v.get("expiresParam")).signatureParam(v.get("signatureParam")).build();
        assertEquals(Rejection.EXPIRED, late.verify(v.get("url")).rejection().orElseThrow());
    }
}
