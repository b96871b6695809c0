package dev.imgsign.camo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.Verification;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 5: {@code rejectPrivateAddresses(true)} refuses every spelling of a special-purpose
 * host that a browser or fetcher reads as one, in both dialects and every form; and signer-side prefix
 * checks never fold non-ASCII letters onto ASCII ones.
 */
class CamoLookalikeHostsTest {
    private static final KeySet KEYS = KeySet.ofUtf8("lookalike-test-key");
    private static final CamoVerifier GO = CamoVerifier.builder(KEYS).build();
    private static final CamoVerifier GO_STRICT = CamoVerifier.builder(KEYS).rejectPrivateAddresses(true).build();
    private static final CamoVerifier ATMOS = CamoVerifier.builder(KEYS).dialect(CamoDialect.ATMOS_CAMO).build();
    private static final CamoVerifier ATMOS_STRICT =
            CamoVerifier.builder(KEYS).dialect(CamoDialect.ATMOS_CAMO).rejectPrivateAddresses(true).build();

    private static String sign(CamoEncoding encoding, String url) {
        return CamoSigner.builder(KEYS).encoding(encoding).build().sign(url);
    }

    /** The URLs of finding 5; browsers map them to 127.0.0.1, localhost and 169.254.169.254 (Node's URL). */
    @ParameterizedTest
    @ValueSource(strings = {"http://127\u30020\u30020\u30021/", "http://\uff11\uff12\uff17\uff0e\uff10\uff0e\uff10\uff0e\uff11/",
        "http://\u24db\u24de\u24d2\u24d0\u24db\u24d7\u24de\u24e2\u24e3/", "http://169\u3002254\u3002169\u3002254/latest/meta-data/",
        "http://[::127.0.0.1]/", "http://[64:ff9b::7f00:1]/", "http://100.64.0.1/"})
    void findingFiveLookalikesAreRefusedInBothDialectsAndEveryForm(String url) {
        for (CamoEncoding encoding : List.of(CamoEncoding.HEX, CamoEncoding.BASE64)) {
            String target = sign(encoding, url);
            assertEquals(url, GO.verify(target).acceptedRequest().orElse(null), "a valid link without the policy");
            assertTargetRefused(GO_STRICT.verify(target), 404, url);
        }
        for (CamoEncoding encoding : List.of(CamoEncoding.HEX, CamoEncoding.QUERY)) {
            String target = sign(encoding, url);
            assertEquals(url, ATMOS.verify(target).acceptedRequest().orElse(null), "a valid link without the policy");
            assertTargetRefused(ATMOS_STRICT.verify(target), 404, url);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://\ud83c\udd3b\ud83c\udd3e\ud83c\udd32\ud83c\udd30\ud83c\udd3b\ud83c\udd37\ud83c\udd3e\ud83c\udd42\ud83c\udd43/",
        "http://LOCALHO\u017fT/", "http://\u212a.localhost/", "http://localhost./", "http://127.0.0.1./", "http://0x7f.1/",
        "http://2130706433/", "http://010.0.0.1/", "http://[::ffff:a9fe:a9fe]/", "http://[2002:a9fe:a9fe::]/",
        "http://[64:ff9b:1::1]/", "http://[fc00::1]:8080/", "http://user@127\u30020\u30020\u30021:80/x"})
    void otherSpellingsAndRangesAreRefusedToo(String url) {
        assertFalse(GO_STRICT.verify(sign(CamoEncoding.HEX, url)).isAccepted(), url);
        assertFalse(ATMOS_STRICT.verify(sign(CamoEncoding.QUERY, url)).isAccepted(), url);
        assertFalse(ATMOS_STRICT.verify(sign(CamoEncoding.HEX, url)).isAccepted(), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com/a.png", "https://b\u00fccher.example/a.png", "http://8.8.8.8/",
        "http://[2606:4700::1111]/", "http://[::ffff:8.8.8.8]/", "http://[64:ff9b::8.8.8.8]/", "http://100.128.0.1/",
        "http://g\u0131thub.com/"})
    void publicHostsStillPass(String url) {
        assertEquals(url, GO_STRICT.verify(sign(CamoEncoding.BASE64, url)).acceptedRequest().orElse(null));
        assertEquals(url, ATMOS_STRICT.verify(sign(CamoEncoding.QUERY, url)).acceptedRequest().orElse(null));
    }

    /** Generated lookalikes of special-purpose hosts, signed in every form, never pass the strict policy. */
    @Property(tries = 400)
    void noGeneratedLookalikeIsAccepted(@ForAll("lookalikeUrls") String url) {
        for (CamoEncoding encoding : CamoEncoding.values()) {
            String target = sign(encoding, url);
            for (CamoVerifier verifier : List.of(GO_STRICT, ATMOS_STRICT)) {
                if (!verifier.dialect().accepts(encoding)) {
                    continue;
                }
                Verification<String> v = verifier.verify(target);
                assertFalse(v.isAccepted(), () -> verifier.dialect() + " " + encoding + " accepted " + url);
                assertNotEquals(Rejection.BAD_SIGNATURE, v.rejection().orElseThrow(), url);
            }
        }
    }

    @Provide
    Arbitrary<String> lookalikeUrls() {
        Arbitrary<Long> ipv4 = Combinators.combine(
                Arbitraries.of(List.of(0x00000000L, 0x0a000000L, 0x64400000L, 0x7f000000L, 0xa9fe0000L, 0xac100000L,
                        0xc0000000L, 0xc0a80000L, 0xc6120000L, 0xe0000000L, 0xf0000000L)),
                Arbitraries.longs().between(0, 255)).as((base, low) -> base | low);
        Arbitrary<String> v4 = Combinators.combine(ipv4, Arbitraries.integers().between(0, 3), Arbitraries.longs())
                .as((a, form, seed) -> respell(ipv4Form(a, form), new Random(seed)));
        Arbitrary<String> names = Combinators.combine(Arbitraries.of("localhost", "a.localhost"), Arbitraries.longs())
                .as((n, seed) -> respell(n, new Random(seed)));
        Arbitrary<String> v6 = Combinators.combine(ipv4, Arbitraries.of("::ffff:", "::", "64:ff9b::", "0:0:0:0:0:FFFF:"))
                .as((a, prefix) -> "[" + prefix + Long.toHexString(a >>> 16) + ":" + Long.toHexString(a & 0xffff) + "]");
        return Combinators.combine(Arbitraries.oneOf(v4, names, v6), Arbitraries.of("http://", "https://", "HTTP://"),
                Arbitraries.of("", ":80", "."), Arbitraries.of("/", "/latest/meta-data/", "/a.png?x=1"))
                .as((host, scheme, suffix, path) -> scheme + host + (host.startsWith("[") && suffix.equals(".") ? "" : suffix) + path);
    }

    private static String ipv4Form(long a, int form) {
        switch (form) {
            case 0:
                return Long.toString(a);
            case 1:
                return "0x" + Long.toHexString(a >>> 24) + "." + (a & 0xffffff);
            case 2:
                return "0" + Long.toOctalString(a >>> 24) + "." + ((a >>> 16) & 0xff) + "." + (a & 0xffff);
            default:
                return (a >>> 24) + "." + ((a >>> 16) & 0xff) + "." + ((a >>> 8) & 0xff) + "." + (a & 0xff);
        }
    }

    /** Each character replaced at random by a spelling browsers map back onto it (Node's URL, see core's table). */
    private static String respell(String s, Random random) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int pick = random.nextInt(4);
            if (c == '.') {
                out.append(new String[] {".", "\u3002", "\uff0e", "\uff61"}[pick]);
            } else if (c >= '0' && c <= '9') {
                out.append(new String[] {String.valueOf(c), String.valueOf((char) (0xff10 + c - '0')),
                    new String(Character.toChars(0x1d7ce + c - '0')), String.valueOf(c)}[pick]);
            } else if (c >= 'a' && c <= 'z') {
                out.append(new String[] {String.valueOf(c), String.valueOf((char) (c - 32)),
                    String.valueOf((char) (0xff41 + c - 'a')), String.valueOf((char) (0x24d0 + c - 'a'))}[pick]);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code httpſ:} (U+017F) is not {@code https:}: Unicode case folding would say it is. */
    @Test
    void signerPrefixChecksAreAsciiOnly() {
        CamoSigner skipping = CamoSigner.builder(KEYS).skipHttps(true).build();
        assertEquals("HTTPS://example.com/a.png", skipping.sign("HTTPS://example.com/a.png"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> skipping.sign("http\u017f://example.com/a.png"));
        assertTrue(e.getMessage().contains("http:// or https://"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> skipping.sign("\u0127ttp://example.com/a.png"));
        assertThrows(IllegalArgumentException.class, () -> CamoSigner.builder(KEYS).build().sign("\u212attp://x/"));
        assertEquals(CamoEncoding.BASE64, CamoEncoding.fromName("BASE64"));
        assertThrows(IllegalArgumentException.class, () -> CamoEncoding.fromName("ba\u017fe64"));
    }

    private static void assertTargetRefused(Verification<String> v, int status, String url) {
        assertFalse(v.isAccepted(), url);
        Verification.Rejected<String> r = (Verification.Rejected<String>) v;
        assertEquals(Rejection.TARGET_REFUSED, r.reason(), url + ": " + r.detail());
        assertEquals(status, r.httpStatus(), url);
    }
}
