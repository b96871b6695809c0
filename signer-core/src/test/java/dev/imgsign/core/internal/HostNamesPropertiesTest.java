package dev.imgsign.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of {@link HostNames}: idempotent, total, and no lookalike of a special address gets through. */
class HostNamesPropertiesTest {

    /** Characters that matter to host parsing, so generated strings reach the interesting branches. */
    private static final String ALPHABET = "0123456789abcdefxABCDEFX.:[]%lohstLOHST-_"
            + "\u3002\uff0e\uff61\u24db\u24de\uff10\uff11\uff17\u017f\u212a\u0131\u0130\u00df\u00ad\u200d\u0301"
            + "\u2488\u2024\u00b9\u2460\uff05\uff1a\ud835\udfcf\ud83c\udd30\ud800";

    @Provide
    Arbitrary<String> hostish() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMaxLength(24),
                Arbitraries.strings().all().ofMaxLength(24),
                Arbitraries.strings().withChars("0123456789.xX".toCharArray()).ofMaxLength(24),
                Arbitraries.strings().withChars("0123456789abcdefABCDEF:.".toCharArray()).ofMaxLength(40)
                        .map(s -> "[" + s + "]"));
    }

    @Property(tries = 3000)
    void canonicalIsIdempotentAndTotal(@ForAll("hostish") String host) {
        String canonical = HostNames.canonical(host);
        String reason = HostNames.specialPurpose(host);
        if (canonical == null) {
            assertNotNull(reason, "a host without canonical form is refused");
            return;
        }
        assertEquals(canonical, HostNames.canonical(canonical), () -> "of " + host);
        assertEquals(reason, HostNames.specialPurpose(canonical), () -> "of " + host);
        assertTrue(StandardCharsets.US_ASCII.newEncoder().canEncode(canonical), canonical);
        assertEquals(Ascii.toLowerCase(canonical), canonical);
    }

    /** Special-purpose addresses and localhost names, each spelled the way a browser still reads as it. */
    @Provide
    Arbitrary<String> lookalikes() {
        Arbitrary<Long> ipv4 = Combinators.combine(
                Arbitraries.of(List.of(0x00000000L, 0x0a000000L, 0x64400000L, 0x7f000000L, 0xa9fe0000L, 0xac100000L,
                        0xc0000000L, 0xc0000200L, 0xc0a80000L, 0xc6120000L, 0xc6336400L, 0xcb007100L, 0xe0000000L,
                        0xf0000000L)),
                Arbitraries.longs().between(0, 255)).as((base, low) -> base | low);
        Arbitrary<String> v4 = Combinators.combine(ipv4, Arbitraries.integers().between(0, 5), Arbitraries.longs())
                .as((a, form, seed) -> respell(ipv4Form(a, form, new Random(seed)), new Random(seed)));
        Arbitrary<String> v6 = Combinators.combine(ipv4, Arbitraries.of("::ffff:", "::", "64:ff9b::", "0:0:0:0:0:FFFF:"),
                Arbitraries.of(true, false)).as((a, prefix, dotted) -> "[" + prefix + (dotted
                        ? (a >>> 24) + "." + ((a >>> 16) & 0xff) + "." + ((a >>> 8) & 0xff) + "." + (a & 0xff)
                        : Long.toHexString(a >>> 16) + ":" + Long.toHexString(a & 0xffff)) + "]");
        Arbitrary<String> names = Combinators.combine(Arbitraries.of("localhost", "a.localhost", "x.y.localhost"),
                Arbitraries.longs()).as((n, seed) -> respell(n, new Random(seed)));
        return Arbitraries.oneOf(v4, v6, names);
    }

    @Property(tries = 3000)
    void noLookalikeOfASpecialHostGetsThrough(@ForAll("lookalikes") String host) {
        assertNotNull(HostNames.specialPurpose(host), host);
    }

    private static String ipv4Form(long a, int form, Random random) {
        switch (form) {
            case 0:
                return Long.toString(a);
            case 1:
                return "0x" + Long.toHexString(a);
            case 2:
                return (a >>> 24) + "." + (a & 0xffffff);
            case 3:
                return "0" + Long.toOctalString(a >>> 24) + "." + ((a >>> 16) & 0xff) + "." + (a & 0xffff);
            case 4:
                return "0x" + Long.toHexString(a >>> 24) + "." + ((a >>> 16) & 0xff) + "." + ((a >>> 8) & 0xff)
                        + "." + (a & 0xff) + (random.nextBoolean() ? "." : "");
            default:
                return (a >>> 24) + "." + ((a >>> 16) & 0xff) + "." + ((a >>> 8) & 0xff) + "." + (a & 0xff);
        }
    }

    /** Each character replaced at random by a spelling Node's URL maps back onto it (see the Node table). */
    static String respell(String s, Random random) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int pick = random.nextInt(6);
            if (c == '.') {
                out.append(new String[] {".", "\u3002", "\uff0e", "\uff61", "%2e", "%2E"}[pick]);
            } else if (c >= '0' && c <= '9') {
                String[] forms = {String.valueOf(c), String.valueOf((char) (0xff10 + c - '0')),
                    new String(Character.toChars(0x1d7ce + c - '0')), c == '0' ? "\u24ea" : String.valueOf((char) (0x2460 + c - '1')),
                    "%3" + c, String.valueOf(c)};
                out.append(forms[pick]);
            } else if (c >= 'a' && c <= 'z') {
                String[] forms = {String.valueOf(c), String.valueOf((char) (c - 32)), String.valueOf((char) (0xff41 + c - 'a')),
                    String.valueOf((char) (0x24d0 + c - 'a')), String.format("%%%02X", (int) c),
                    c == 's' ? "\u017f" : c == 'k' ? "\u212a" : new String(Character.toChars(0x1f130 + c - 'a'))};
                out.append(forms[pick]);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
