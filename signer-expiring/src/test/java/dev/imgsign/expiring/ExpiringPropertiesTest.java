package dev.imgsign.expiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.Verification;
import dev.imgsign.expiring.aurelia.AureliaLink;
import dev.imgsign.expiring.aurelia.AureliaLinkSigner;
import dev.imgsign.expiring.aurelia.AureliaLinkVerifier;
import dev.imgsign.expiring.internal.LinkPaths;
import dev.imgsign.expiring.link.ExpiringLink;
import dev.imgsign.expiring.link.ExpiringLinkSigner;
import dev.imgsign.expiring.link.ExpiringLinkVerifier;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Round trips, tamper detection and totality of the generic and aurelia verifiers. */
class ExpiringPropertiesTest {
    private static final KeySet KEYS = KeySet.ofUtf8("property-secret");
    private static final ExpiringLinkSigner SIGNER = ExpiringLinkSigner.builder(KEYS).build();

    private static ExpiringLinkVerifier verifierAt(long second, long leeway) {
        return ExpiringLinkVerifier.builder(KEYS).leewaySeconds(leeway)
                .clock(Clock.fixed(Instant.ofEpochSecond(second), ZoneOffset.UTC)).build();
    }

    @Provide
    Arbitrary<ExpiringLink> links() {
        Arbitrary<String> segment = Arbitraries.strings().withChars("abcXYZ019-._~%20").ofMinLength(1).ofMaxLength(8)
                .filter(s -> LinkPaths.pathProblem("/" + s) == null);
        Arbitrary<String> path = segment.list().ofMinSize(1).ofMaxSize(4).map(l -> "/" + String.join("/", l));
        Arbitrary<ExpiringLink.QueryParam> param = Combinators.combine(
                Arbitraries.strings().ofMinLength(1).ofMaxLength(6).filter(n -> !n.equals("expires") && !n.equals("signature")),
                Arbitraries.strings().ofMaxLength(10)).as(ExpiringLink.QueryParam::new)
                .filter(p -> isUtf8Safe(p.name()) && isUtf8Safe(p.value()));
        Arbitrary<Long> expiry = Arbitraries.longs().between(0, 4_102_444_800L);
        return Combinators.combine(path, param.list().ofMaxSize(4), expiry).as(ExpiringLink::new);
    }

    private static boolean isUtf8Safe(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return false; // lone surrogates do not survive UTF-8; paired ones are generated rarely anyway
            }
        }
        return true;
    }

    @Property(tries = 300)
    void roundTripsAtAnyInstantWithinValidity(@ForAll("links") ExpiringLink link,
            @ForAll @LongRange(min = 0, max = 10_000_000) long before, @ForAll @IntRange(min = 0, max = 120) int leeway) {
        String url = SIGNER.sign(link);
        long now = Math.max(0, link.expiresAt() - before);
        assertEquals(link, verifierAt(now, leeway).verify(url).orElseThrow());
        assertEquals(link, verifierAt(link.expiresAt() + leeway, leeway).verify(url).orElseThrow());
        Verification<ExpiringLink> late = verifierAt(link.expiresAt() + leeway + 1, leeway).verify(url);
        assertEquals(Rejection.EXPIRED, late.rejection().orElseThrow());
    }

    @Property(tries = 300)
    void anyChangeIsRejected(@ForAll("links") ExpiringLink link, @ForAll @IntRange(min = 0, max = 5) int kind,
            @ForAll @IntRange(min = 0, max = 1000) int where) {
        ExpiringLinkVerifier verifier = verifierAt(0, 0);
        String url = SIGNER.sign(link);
        String changed;
        switch (kind) {
            case 0 -> changed = SIGNER.sign(new ExpiringLink(link.path() + "x", link.params(), link.expiresAt()))
                    .replace(link.path() + "x", link.path() + "y");
            case 1 -> changed = url.replace("expires=" + link.expiresAt(), "expires=" + (link.expiresAt() + 1 + where));
            case 2 -> {
                String sig = url.substring(url.lastIndexOf('=') + 1);
                int i = where % sig.length();
                char replacement = sig.charAt(i) == 'A' ? 'Q' : 'A';
                changed = url.substring(0, url.length() - sig.length()) + sig.substring(0, i) + replacement + sig.substring(i + 1);
            }
            case 3 -> changed = url.replace("?", "?extra=" + where + "&");
            case 4 -> {
                if (link.params().isEmpty()) {
                    changed = url.replace("?", "?p=1&");
                } else {
                    ExpiringLink.QueryParam p = link.params().get(where % link.params().size());
                    List<ExpiringLink.QueryParam> params = new java.util.ArrayList<>(link.params());
                    params.set(where % params.size(), new ExpiringLink.QueryParam(p.name(), p.value() + "!"));
                    String other = SIGNER.sign(new ExpiringLink(link.path(), params, link.expiresAt()));
                    changed = other.substring(0, other.indexOf("&expires=")) + url.substring(url.indexOf("&expires="));
                }
            }
            default -> {
                String path = link.path();
                int i = where % path.length();
                char c = path.charAt(i);
                char replacement = c == 'a' ? 'b' : 'a';
                changed = path.substring(0, i) + replacement + path.substring(i + 1) + url.substring(path.length());
            }
        }
        Verification<ExpiringLink> result = verifier.verify(changed);
        assertFalse(result.isAccepted(), changed);
    }

    @Property(tries = 1000)
    void verifyNeverThrows(@ForAll String target) {
        assertNotNull(verifierAt(1_700_000_000L, 0).verify(target));
        assertNotNull(verifierAt(1_700_000_000L, 0).verify("/a?" + target));
        assertNotNull(AURELIA_VERIFIER.verify(target));
        assertNotNull(AURELIA_VERIFIER.verify("/a.jpg?signature=" + target + "&expires_at=1"));
    }

    @Property(tries = 500)
    void verifyNeverThrowsOnQueryShapedInput(@ForAll("queryish") String target) {
        Verification<ExpiringLink> v = verifierAt(1_700_000_000L, 0).verify(target);
        assertNotNull(v);
        assertNotNull(AURELIA_VERIFIER.verify(target));
    }

    @Provide
    Arbitrary<String> queryish() {
        return Arbitraries.strings().withChars("/?&=%;+#._AURELIA0123456789abcdefxpiresgnatu").ofMaxLength(80).map(s -> "/" + s);
    }

    private static final AureliaLinkVerifier AURELIA_VERIFIER = AureliaLinkVerifier.builder(KeySet.ofUtf8("s"))
            .clock(Clock.fixed(Instant.ofEpochSecond(1L), ZoneOffset.UTC)).build();

    @Property(tries = 15)
    void aureliaRoundTripsUntilExpiry(@ForAll @LongRange(min = 0, max = 4_102_444_800L) long expiresAt,
            @ForAll @LongRange(min = 0, max = 604_800) long before) {
        long now = Math.max(0, expiresAt - before);
        AureliaLinkSigner signer = AureliaLinkSigner.builder(KeySet.ofUtf8("s"))
                .clock(Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC)).build();
        String url = signer.sign(new AureliaLink("/avatar/image.jpg", expiresAt));
        AureliaLinkVerifier at = AureliaLinkVerifier.builder(KeySet.ofUtf8("s"))
                .clock(Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC)).build();
        assertTrue(at.verify(url).isAccepted());
        AureliaLinkVerifier late = AureliaLinkVerifier.builder(KeySet.ofUtf8("s"))
                .clock(Clock.fixed(Instant.ofEpochSecond(expiresAt + 1), ZoneOffset.UTC)).build();
        Verification<AureliaLink> r = late.verify(url);
        assertEquals(Rejection.EXPIRED, r.rejection().orElseThrow());
        assertEquals(404, ((Verification.Rejected<AureliaLink>) r).httpStatus());
        assertFalse(at.verify(url.replace("expires_at=" + expiresAt, "expires_at=" + (expiresAt + 1))).isAccepted());
        assertFalse(at.verify(url.replace("image.jpg?", "image.png?")).isAccepted());
    }
}
