package dev.imgsign.expiring.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.internal.Percent;
import dev.imgsign.expiring.internal.Ascii;
import dev.imgsign.expiring.internal.LinkPaths;
import dev.imgsign.expiring.internal.LinkSettings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Differential properties: every fast path of the expiring links (in-place base64, one-array canonical
 * string, byte-level verification) equals the reference it replaced, on valid, tampered and arbitrary input.
 */
class ExpiringFastPathTest {
    private static final long NOW = 1_640_730_000L; // 2021-12-28, the week before an ISO year boundary
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    private static final KeySet KEYS = KeySet.ofUtf8("fast-path-secret");
    private static final String MUTATIONS = "/%x0159ABCaf=_-?&#+~.\u00e9\u0100\ud83d\ude00full";

    private static Arbitrary<String> mutated(Arbitrary<String> targets) {
        return Combinators.combine(targets, Arbitraries.integers().between(0, 10_000),
                Arbitraries.strings().withChars(MUTATIONS).ofMaxLength(3), Arbitraries.integers().between(0, 2))
                .as((t, where, text, cut) -> {
                    int i = t.isEmpty() ? 0 : where % (t.length() + 1);
                    int j = Math.min(t.length(), i + cut);
                    return t.substring(0, i) + text + t.substring(j);
                });
    }

    // --- base64 ----------------------------------------------------------------------------------

    private static net.jqwik.api.arbitraries.StringArbitrary alphabet() {
        return Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
    }

    // --- expiring links --------------------------------------------------------------------------

    /** ExpiringLinkSigner.pathProblem as it was, before its lookup table. */
    static String referencePathProblem(String path) {
        if (path.isEmpty() || path.charAt(0) != '/') {
            return "path must start with '/'";
        }
        if (path.length() > LinkPaths.MAX_PATH_LENGTH) {
            return "path is longer than " + LinkPaths.MAX_PATH_LENGTH + " characters";
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '?' || c == '#' || c == '"' || c == '<' || c == '>'
                    || c == '\\' || c == '^' || c == '`' || c == '{' || c == '|' || c == '}') {
                return "path must be percent-encoded (found a character that needs escaping at index " + i + ")";
            }
            if (c == '%' && (i + 2 >= path.length()
                    || Percent.hexValue(path.charAt(i + 1)) < 0
                    || Percent.hexValue(path.charAt(i + 2)) < 0)) {
                return "path has a '%' not followed by two hex digits at index " + i;
            }
        }
        return null;
    }

    @Property(tries = 2000)
    void pathCheckEqualsReference(@ForAll("paths") String path) {
        assertEquals(referencePathProblem(path), LinkPaths.pathProblem(path));
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(20).map(s -> "/" + s),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(20).map(s -> "/" + s),
                Arbitraries.strings().withChars(MUTATIONS).ofMaxLength(20));
    }

    @Property(tries = 3000)
    void signableBytesEqualReference(@ForAll("longPaths") String path) {
        String problem = referencePathProblem(path);
        byte[] bytes = LinkPaths.signableBytes(path);
        assertEquals(problem == null, bytes != null, path);
        if (bytes != null) {
            assertArrayEquals(path.getBytes(StandardCharsets.US_ASCII), bytes);
        } else {
            // The signer's message for a path it refuses is still the reference's.
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> ExpiringLinkSigner.builder(KEYS).build().sign(ExpiringLink.of(path, 0)));
            assertEquals(problem, e.getMessage());
        }
    }

    /** The word-at-a-time path check equals a byte-at-a-time reference at every offset and length. */
    @Property(tries = 3000)
    void isPathEqualsReference(@ForAll("longPaths") String text, @ForAll @IntRange(min = 0, max = 40) int from,
            @ForAll @IntRange(min = 0, max = 40) int cut) {
        byte[] t = text.getBytes(StandardCharsets.ISO_8859_1); // wide chars become '?', not a path char
        int start = Math.min(from, t.length);
        int end = Math.max(start, t.length - cut);
        boolean expected = true;
        for (int i = start; i < end; i++) {
            int c = t[i] & 0xff;
            expected &= c > 0x20 && c < 0x7f && "?#\"<>\\^`{|}".indexOf(c) < 0;
        }
        assertEquals(expected, LinkPaths.isPath(t, start, end), text);
    }

    @Provide
    Arbitrary<String> longPaths() {
        // Long enough for several 32-byte blocks: common path characters with every other byte class
        // (path symbols outside the fast ranges, refused ASCII, controls, 0x7F, Latin-1, wide chars, escapes)
        // at any position, including the last bytes and block boundaries.
        // Blocks of digits and symbols only, or of letters only, too: a wrong word test for one class shows
        // only where no byte of the other class is in the block.
        Arbitrary<String> common = Arbitraries.oneOf(
                Arbitraries.strings().withChars("az09AZ-./$%&'()*+,:;").ofMinLength(30).ofMaxLength(130),
                Arbitraries.strings().withChars("0123456789$%&'()*+,-./:;").ofMinLength(30).ofMaxLength(130),
                Arbitraries.strings().withChars("ABCXYZabcxyz").ofMinLength(30).ofMaxLength(130));
        Arbitrary<String> odd = Arbitraries.strings().withChars(
                "_~=!@[]?#\"<>\\^`{|} \u0000\u001f\u007f\u0080\u00a0\u00ff\u0100\u012f\u0161\u212a%2F%4").ofMaxLength(3);
        Arbitrary<String> mixed = Combinators.combine(common, odd, Arbitraries.integers().between(0, 200))
                .as((c, o, at) -> {
                    int i = at % (c.length() + 1);
                    return c.substring(0, i) + o + c.substring(i);
                });
        return Arbitraries.oneOf(mixed.map(s -> "/" + s), mixed, common.map(s -> "/" + s),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMinLength(30).ofMaxLength(100).map(s -> "/" + s),
                Arbitraries.strings().withChars("/azAZ09_~=!@%").ofMinLength(1).ofMaxLength(2100).map(s -> "/" + s));
    }

    @Property(tries = 1000)
    void canonicalStringEqualsReference(@ForAll("paths") String path,
            @ForAll @Size(max = 12) List<@Size(max = 12) byte[]> parts, @ForAll long expiresAt) {
        List<byte[]> names = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i + 1 < parts.size(); i += 2) {
            names.add(parts.get(i));
            values.add(parts.get(i + 1));
        }
        byte[] pathBytes = path.getBytes(StandardCharsets.UTF_8);
        byte[] expected = CanonicalStringReference.of(pathBytes, names, values, expiresAt);
        assertArrayEquals(expected, CanonicalString.of(pathBytes, names, values, expiresAt));
        if (path.chars().allMatch(c -> c < 0x80)) {
            assertArrayEquals(expected, CanonicalString.ofAsciiPath(path, names, values, expiresAt));
        }
    }

    @Provide
    Arbitrary<String> expiringTargets() {
        Arbitrary<String> path = Arbitraries.strings().withChars("abz09-._~/%2F").ofMinLength(1).ofMaxLength(12)
                .map(s -> "/" + s).filter(p -> LinkPaths.pathProblem(p) == null);
        Arbitrary<ExpiringLink.QueryParam> param = Combinators.combine(
                Arbitraries.strings().withChars("ab=&+% \u00e9\ud83d\ude00").ofMinLength(1).ofMaxLength(4),
                Arbitraries.strings().withChars("ab=&+% 0\u00e9\ud83d\ude00").ofMaxLength(6))
                .as(ExpiringLink.QueryParam::new)
                .filter(p -> !p.name().equals("expires") && !p.name().equals("signature"));
        Arbitrary<String> signed = Combinators.combine(path, param.list().ofMaxSize(3),
                Arbitraries.longs().between(NOW - 100, NOW + 100))
                .as((p, params, expiry) -> ExpiringLinkSigner.builder(KEYS).build()
                        .sign(new ExpiringLink(p, params, expiry)));
        // Targets for the one-pass reading: ASCII, query needing no decoding, up to MAX_PARAMS + 1 parameters.
        Arbitrary<String> plainPath = Arbitraries.strings().withChars("abz09-._~/%2F=&!$'()*+,;:@").ofMinLength(1)
                .ofMaxLength(40).map(s -> "/" + s).filter(p -> LinkPaths.pathProblem(p) == null);
        Arbitrary<ExpiringLink.QueryParam> plainParam = Combinators.combine(
                Arbitraries.strings().withChars("abexpirsgnatu-._~").ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings().withChars("ab0-._~").ofMaxLength(14))
                .as(ExpiringLink.QueryParam::new)
                .filter(p -> !p.name().equals("expires") && !p.name().equals("signature"));
        Arbitrary<String> plain = Combinators.combine(plainPath, plainParam.list().ofMaxSize(ExpiringLinkSigner.MAX_PARAMS),
                Arbitraries.longs().between(NOW - 100, NOW + 100))
                .as((p, params, expiry) -> ExpiringLinkSigner.builder(KEYS).build()
                        .sign(new ExpiringLink(p, params, expiry)));
        Arbitrary<String> plainExtra = Combinators.combine(plain, Arbitraries.of("&a=b", "&a", "&=", "&a==b", "&",
                "&expires=1", "&signature=x", "#f", "&a=%41", "&a=+", "&a=\u00e9", "&=b", "&a=b=c", "&a=\u007f",
                "&a= ", "&a=\u0000", "&a#=b", "&expires=01", "&signature=" + "A".repeat(42) + "=",
                "&signature=" + "A".repeat(42) + "%", "&signature=" + "A".repeat(43), "&&a=b", "&expires"))
                .as((t, extra) -> t + extra);
        // The expires or signature value (or a name) with one byte replaced: digits, alphabet, query
        // characters, separators, escapes, controls, non-ASCII.
        Arbitrary<String> plainTampered = Combinators.combine(plain, Arbitraries.integers().between(1, 60),
                Arbitraries.of('0', '9', 'A', '_', '-', '=', '&', '%', '+', '#', '.', '~', ' ', '\u007f', '\u00e9', '\u0100'))
                .as((t, back, c) -> {
                    int i = Math.max(t.indexOf('?') + 1, t.length() - back);
                    return t.substring(0, i) + c + t.substring(i + 1);
                });
        return Arbitraries.oneOf(signed, mutated(signed), mutated(mutated(signed)), plain, mutated(plain), plainExtra,
                plainTampered,
                Arbitraries.strings().withChars(MUTATIONS + "expirsgnatu").ofMaxLength(60).map(s -> "/" + s),
                Arbitraries.strings().ofMaxLength(60));
    }

    @Provide
    Arbitrary<ExpiringLink> expiringLinks() {
        // Short paths with escapes, and long ones (several 32-byte blocks of the path check) of every path character.
        Arbitrary<String> path = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abz09-._~/%2F").ofMinLength(1).ofMaxLength(12)
                        .map(s -> "/" + s).filter(p -> LinkPaths.pathProblem(p) == null),
                Arbitraries.strings().withChars("abzAZ09-._~/!$&'()*+,;=:@[]").ofMaxLength(120).map(s -> "/" + s));
        // Parts copied as they are (unreserved ASCII, empty values included) and parts that need encoding:
        // reserved or control ASCII, Latin-1, beyond Latin-1, surrogate pairs and lone surrogates.
        Arbitrary<String> unreserved = Arbitraries.strings().withChars("azAZ09-._~").ofMaxLength(12);
        Arbitrary<String> mixed = Arbitraries.strings()
                .withChars("az09-._~ %+&=#?/\u0000\u007f\u0080\u00e9\u00ff\u0100\u20ac\ud83d\ude00\ud800\udfff")
                .ofMaxLength(8);
        Arbitrary<String> text = Arbitraries.oneOf(unreserved, unreserved, mixed, Arbitraries.strings().ofMaxLength(8));
        Arbitrary<ExpiringLink.QueryParam> param = Combinators.combine(text.filter(t -> !t.isEmpty()), text)
                .as(ExpiringLink.QueryParam::new)
                .filter(p -> !p.name().equals("expires") && !p.name().equals("signature"));
        return Combinators.combine(path, param.list().ofMaxSize(ExpiringLinkSigner.MAX_PARAMS),
                Arbitraries.longs().greaterOrEqual(0)).as(ExpiringLink::new);
    }

    @Property(tries = 1000)
    void unreservedCheckEqualsTheCharPredicate(@ForAll("latin1AndBeyond") String text) {
        boolean expected = text.chars().allMatch(c -> dev.imgsign.core.internal.Unreserved.is((char) c));
        assertEquals(expected, Ascii.isUnreserved(text));
        byte[] one = new byte[text.length() + 2];
        byte[] other = new byte[text.length() + 3];
        assertEquals(expected, Ascii.copyUnreserved(text, one, 2, other, 3));
        if (expected) {
            byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
            assertArrayEquals(ascii, java.util.Arrays.copyOfRange(one, 2, one.length));
            assertArrayEquals(ascii, java.util.Arrays.copyOfRange(other, 3, other.length));
        }
    }

    @Provide
    Arbitrary<String> latin1AndBeyond() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("azAZ09-._~").ofMaxLength(10),
                Arbitraries.strings().withChars("az-~\u0000 /\u007f\u0080\u00ff\u0141\u012d\u017e\u212a").ofMaxLength(10),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(10),
                Arbitraries.strings().ofMaxLength(10));
    }

    @Property(tries = 1000)
    void expiringSignEqualsReference(@ForAll("expiringLinks") ExpiringLink link,
            @ForAll("hosts") String host) {
        ExpiringLinkSigner signer = ExpiringLinkSigner.builder(KEYS).host(host).build();
        StringBuilder url = new StringBuilder(LinkSettings.host(host)).append(link.path()).append('?');
        List<byte[]> names = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        for (ExpiringLink.QueryParam p : link.params()) {
            names.add(p.name().getBytes(StandardCharsets.UTF_8));
            values.add(p.value().getBytes(StandardCharsets.UTF_8));
            dev.imgsign.core.internal.Unreserved.escape(p.name(), url);
            url.append('=');
            dev.imgsign.core.internal.Unreserved.escape(p.value(), url);
            url.append('&');
        }
        byte[] canonical = CanonicalStringReference.of(link.path().getBytes(StandardCharsets.US_ASCII), names, values,
                link.expiresAt());
        byte[] mac = dev.imgsign.core.spi.HmacKeyRing.of(dev.imgsign.core.spi.HmacAlgorithm.SHA256, KEYS).sign(canonical);
        url.append("expires=").append(link.expiresAt()).append("&signature=")
                .append(Base64.getUrlEncoder().withoutPadding().encodeToString(mac));
        assertEquals(url.toString(), signer.sign(link));
    }

    @Provide
    Arbitrary<String> hosts() {
        return Arbitraries.of("", "https://img.example.com", "https://img.example.com/", "https://\u00e9x.example",
                "https://\u0100.example", "https://\ud83d\ude00.example");
    }

    @Property(tries = 3000)
    void expiringVerifyEqualsReference(@ForAll("expiringTargets") String target,
            @ForAll @IntRange(min = 0, max = 60) int leeway) {
        ExpiringLinkVerifier fast = ExpiringLinkVerifier.builder(KEYS).clock(CLOCK).leewaySeconds(leeway).build();
        ExpiringLinkVerifierReference reference = ExpiringLinkVerifierReference.builder().keys(KEYS).clock(CLOCK)
                .leewaySeconds(leeway).build();
        assertEquals(reference.verify(target), fast.verify(target), target);
    }

    /**
     * The plain path writes the canonical string over the target's bytes when it fits and into its own array
     * when it does not (many parameters with two-digit lengths): both verify and equal the reference.
     */
    @Example
    void canonicalStringOverTheTargetOrBesideIt() {
        ExpiringLinkVerifier fast = ExpiringLinkVerifier.builder(KEYS).clock(CLOCK).build();
        ExpiringLinkVerifierReference reference = ExpiringLinkVerifierReference.builder().keys(KEYS).clock(CLOCK).build();
        for (int count : new int[] {0, 1, 4, 12, 20, ExpiringLinkSigner.MAX_PARAMS}) {
            for (String part : new String[] {"a", "abcdefghij", "abcdefghijklmnopqrstuvwxyz0123456789"}) {
                List<ExpiringLink.QueryParam> params = new ArrayList<>();
                for (int k = 0; k < count; k++) {
                    params.add(new ExpiringLink.QueryParam(part + k, part));
                }
                ExpiringLink link = new ExpiringLink("/p", params, NOW);
                String target = ExpiringLinkSigner.builder(KEYS).build().sign(link);
                byte[] t = target.getBytes(StandardCharsets.US_ASCII);
                int[] bounds = new int[4 * count];
                int at = target.indexOf('?') + 1;
                for (int k = 0; k < count; k++) {
                    bounds[4 * k] = at;
                    bounds[4 * k + 1] = target.indexOf('=', at);
                    bounds[4 * k + 2] = bounds[4 * k + 1] + 1;
                    bounds[4 * k + 3] = target.indexOf('&', at);
                    at = bounds[4 * k + 3] + 1;
                }
                byte[] expected = CanonicalString.ofPlainTarget(t, 2, bounds, count, NOW);
                assertEquals(expected.length, CanonicalString.plainLength(2, bounds, count, NOW));
                if (expected.length <= t.length) {
                    byte[] over = CanonicalString.overPlainTarget(t, 2, params.toArray(new ExpiringLink.QueryParam[0]), NOW);
                    assertArrayEquals(expected, java.util.Arrays.copyOf(over, expected.length));
                }
                assertEquals(reference.verify(target), fast.verify(target), target);
                assertEquals(link, ((dev.imgsign.core.Verification.Accepted<ExpiringLink>) fast.verify(target)).request());
            }
        }
    }

    @Property(tries = 1000)
    void decimalEqualsLongToString(@ForAll long value, @ForAll @IntRange(min = 0, max = 3) int offset) {
        String expected = Long.toString(value);
        assertEquals(expected.length(), Ascii.digits(value));
        byte[] out = new byte[offset + expected.length()];
        assertEquals(out.length, Ascii.decimal(value, out, offset));
        assertEquals(expected, new String(out, offset, expected.length(), StandardCharsets.US_ASCII));
    }

    @Example
    void decimalAtPowersOfTenAndTheIntBoundary() {
        for (long v = 1; v > 0 && v <= Long.MAX_VALUE / 10 * 10; v *= 10) {
            for (long x : new long[] {v - 1, v, v + 1}) {
                decimalEqualsLongToString(x, 1);
            }
        }
        for (long x : new long[] {Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, Long.MAX_VALUE, Long.MIN_VALUE, 0}) {
            decimalEqualsLongToString(x, 0);
        }
    }

    @Property(tries = 1000)
    void signatureAndExpiryParsingEqualsReference(@ForAll("signatureText") String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(ExpiringLinkVerifier.decodeSignature(text), ExpiringLinkVerifier.decodeSignature(utf8));
        assertEquals(ExpiringLinkVerifier.parseCanonicalSeconds(text), ExpiringLinkVerifier.parseCanonicalSeconds(utf8));
    }

    @Provide
    Arbitrary<String> signatureText() {
        return Arbitraries.oneOf(
                alphabet().ofLength(43),
                Arbitraries.strings().withChars("AQgw-_=\u00e9+/").ofMinLength(41).ofMaxLength(44),
                Arbitraries.strings().withChars("0123456789\u0660x").ofMaxLength(20));
    }

    @Example
    void aPaddedOrForeignSignatureTakesTheReference() {
        String padded = "A".repeat(42) + "=";
        assertNull(ExpiringLinkVerifier.decodeSignature(padded.getBytes(StandardCharsets.US_ASCII)));
    }
}
