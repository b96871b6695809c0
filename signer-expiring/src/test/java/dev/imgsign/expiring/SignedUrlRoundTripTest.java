package dev.imgsign.expiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.UrlVerifier;
import dev.imgsign.core.Verification;
import dev.imgsign.core.spi.SchemeConfig;
import dev.imgsign.expiring.aurelia.AureliaLinkSigner;
import dev.imgsign.expiring.aurelia.AureliaLinkVerifier;
import dev.imgsign.expiring.internal.LinkSettings;
import dev.imgsign.expiring.link.ExpiringLinkSigner;
import dev.imgsign.expiring.link.ExpiringLinkVerifier;
import dev.imgsign.expiring.link.ExpiringSchemeProvider;
import dev.imgsign.expiring.weekly.WeeklyLink;
import dev.imgsign.expiring.weekly.WeeklyLinkSigner;
import dev.imgsign.expiring.weekly.WeeklyLinkVerifier;
import dev.imgsign.expiring.weekly.WeeklySchemeProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Weekly, expiring and aurelia verifiers given their signer's host accept what the signer returned, and
 * the bare request target; a link with another host is refused.
 */
class SignedUrlRoundTripTest {
    private static final KeySet KEYS = KeySet.ofUtf8("round-trip-secret");
    private static final Clock NOW = Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), ZoneOffset.UTC);

    @Provide
    Arbitrary<String> hosts() {
        Arbitrary<String> name = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-")
                .ofMinLength(1).ofMaxLength(12).list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(".", l));
        return Combinators.combine(Arbitraries.of("https://", "http://"), name, Arbitraries.of("", ":8080"),
                Arbitraries.of("", "/img", "/a/b"), Arbitraries.of("", "/")).as((s, n, po, pa, sl) -> s + n + po + pa + sl);
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.strings().withChars("abcXYZ019-._~").ofMinLength(1).ofMaxLength(10).list().ofMinSize(1)
                .ofMaxSize(3).map(l -> "/" + String.join("/", l) + ".png");
    }

    @Provide
    Arbitrary<WeeklyLink> weeklyLinks() {
        Arbitrary<String> url = Arbitraries.strings().withChars("abcXYZ019-._~/").ofMaxLength(30)
                .map(s -> "https://example.com/" + s);
        return Combinators.combine(Arbitraries.of("avatars", "i"), url, Arbitraries.of(0, 150, 250),
                Arbitraries.of(true, false)).as((b, u, side, proxy) -> new WeeklyLink(b, u, side, side, proxy));
    }

    private static String strip(String signed, String host) {
        String trimmed = LinkSettings.host(host);
        assertTrue(signed.startsWith(trimmed), signed);
        return signed.substring(trimmed.length());
    }

    /** Both forms accepted, equal results; another host, or a host that merely starts alike, refused. */
    private static <R> void assertSymmetric(UrlVerifier<R> verifier, String signed, String host) {
        String target = strip(signed, host);
        Verification<R> full = verifier.verify(signed);
        assertTrue(full.isAccepted(), () -> signed + " -> " + full);
        assertEquals(full, verifier.verify(target), target);
        String trimmed = LinkSettings.host(host);
        for (String other : new String[] {"https://other.example.net" + target, trimmed + ".evil" + target,
                trimmed.toUpperCase(Locale.ROOT) + "X" + target}) {
            Verification<R> refused = verifier.verify(other);
            assertEquals(Rejection.MALFORMED, refused.rejection().orElseThrow(), other);
        }
    }

    @Property(tries = 200)
    void weekly(@ForAll("hosts") String host, @ForAll("weeklyLinks") WeeklyLink link) {
        String signed = WeeklyLinkSigner.builder(KEYS).clock(NOW).host(host).build().sign(link);
        assertSymmetric(WeeklyLinkVerifier.builder(KEYS).clock(NOW).host(host).build(), signed, host);
    }

    @Property(tries = 200)
    void expiring(@ForAll("hosts") String host, @ForAll("paths") String path) {
        String signed = ExpiringLinkSigner.builder(KEYS).clock(NOW).host(host).build()
                .sign(path, Duration.ofHours(1));
        assertSymmetric(ExpiringLinkVerifier.builder(KEYS).clock(NOW).host(host).build(), signed, host);
    }

    @Property(tries = 20) // each verification runs PBKDF2
    void aurelia(@ForAll("hosts") String host, @ForAll("paths") String path) {
        String signed = AureliaLinkSigner.builder(KEYS).clock(NOW).host(host).build()
                .sign(path, Duration.ofHours(1));
        assertSymmetric(AureliaLinkVerifier.builder(KEYS).clock(NOW).host(host).build(), signed, host);
    }

    @Test
    void withoutTheHostAFullLinkIsMalformedAndTheMessageSaysWhatToDo() {
        String host = "https://img.example.org";
        String weekly = WeeklyLinkSigner.builder(KEYS).clock(NOW).host(host).build()
                .sign(WeeklyLink.full("avatars", "https://example.com/a.png"));
        String expiring = ExpiringLinkSigner.builder(KEYS).clock(NOW).host(host).build()
                .sign("/a.png", Duration.ofHours(1));
        String aurelia = AureliaLinkSigner.builder(KEYS).clock(NOW).host(host).build()
                .sign("/a.png", Duration.ofHours(1));
        for (Verification<?> v : new Verification<?>[] {
                WeeklyLinkVerifier.builder(KEYS).clock(NOW).build().verify(weekly),
                ExpiringLinkVerifier.builder(KEYS).clock(NOW).build().verify(expiring),
                AureliaLinkVerifier.builder(KEYS).clock(NOW).build().verify(aurelia)}) {
            Verification.Rejected<?> rejected = assertInstanceOf(Verification.Rejected.class, v);
            assertEquals(Rejection.MALFORMED, rejected.reason());
            assertTrue(rejected.detail().contains("signer's host"), rejected.detail());
        }
    }

    @Test
    void theSchemeProvidersPassTheHostToTheVerifiers() {
        for (String[] scheme : new String[][] {{"weekly", null}, {"expiring", "hmac"}, {"expiring", "aurelia"}}) {
            SchemeConfig.Builder b = SchemeConfig.builder().keys(KEYS).clock(NOW)
                    .option("host", "https://img.example.org/");
            if (scheme[1] != null) {
                b.option("format", scheme[1]);
            }
            SchemeConfig config = b.build();
            String signed;
            if (scheme[0].equals("weekly")) {
                signed = new WeeklySchemeProvider().signer(config).sign(WeeklyLink.full("i", "https://example.com/a.png"));
                assertTrue(new WeeklySchemeProvider().verifier(config).verify(signed).isAccepted(), signed);
            } else {
                ExpiringSchemeProvider provider = new ExpiringSchemeProvider();
                @SuppressWarnings("unchecked")
                UrlVerifier<Object> verifier = (UrlVerifier<Object>) provider.verifier(config);
                signed = scheme[1].equals("aurelia")
                        ? ((AureliaLinkSigner) provider.signer(config)).sign("/a.png", Duration.ofHours(1))
                        : ((ExpiringLinkSigner) provider.signer(config)).sign("/a.png", Duration.ofHours(1));
                assertTrue(verifier.verify(signed).isAccepted(), signed);
            }
            assertTrue(signed.startsWith("https://img.example.org/"), signed);
            assertFalse(signed.startsWith("https://img.example.org//"), signed);
        }
    }
}
