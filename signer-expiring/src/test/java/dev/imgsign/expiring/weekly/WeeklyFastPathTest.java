package dev.imgsign.expiring.weekly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.internal.Percent;
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
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * Differential properties: every fast path of the weekly links (arithmetic ISO weeks, in-place
 * base64, byte-level verification) equals the reference it replaced, on valid, tampered and arbitrary input.
 */
class WeeklyFastPathTest {
    private static final long NOW = 1_640_730_000L; // 2021-12-28, the week before an ISO year boundary
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    private static final KeySet KEYS = KeySet.ofUtf8("fast-path-secret");
    private static final String MUTATIONS = "/%x0159ABCaf=_-?&#+~.\u00e9\u0100\ud83d\ude00full";

    // --- ISO weeks ---------------------------------------------------------------------------

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.oneOf(
                Arbitraries.of(ZoneOffset.UTC, ZoneOffset.MAX, ZoneOffset.MIN, ZoneOffset.ofHoursMinutes(5, 45),
                        ZoneId.of("UTC"), ZoneId.of("Etc/GMT+5"), ZoneId.of("Europe/Berlin"),
                        ZoneId.of("America/New_York"), ZoneId.of("Pacific/Apia"), ZoneId.of("Asia/Kathmandu")),
                Arbitraries.integers().between(-18 * 3600, 18 * 3600).map(ZoneOffset::ofTotalSeconds));
    }

    @Property(tries = 3000)
    void weekSuffixEqualsIsoFields(@ForAll @LongRange(min = -62_000_000_000L, max = 253_402_300_799L) long second,
            @ForAll @IntRange(min = -1, max = 13) int weeksBack, @ForAll boolean calendarYear,
            @ForAll("zones") ZoneId zone) {
        WeekKeys keys = new WeekKeys(KEYS, zone, calendarYear);
        Instant instant = Instant.ofEpochSecond(second);
        assertEquals(keys.referenceSuffix(instant, weeksBack), keys.suffix(instant, weeksBack), instant + " " + zone);
    }

    @Property(tries = 300)
    void cachedDaySuffixEqualsIsoFields(@ForAll @Size(min = 1, max = 12) List<@LongRange(min = -5_000_000_000L,
            max = 5_000_000_000L) Long> seconds, @ForAll boolean calendarYear, @ForAll("zones") ZoneId zone,
            @ForAll @IntRange(min = 0, max = 3) int repeats) {
        // One instance across instants: the same day again (a cache hit), neighbouring days, far days, weeks back.
        WeekKeys keys = new WeekKeys(KEYS, zone, calendarYear);
        for (long second : seconds) {
            for (long s : new long[] {second, second + 1, second + 86_399, second - 86_400, second + 604_800}) {
                Instant instant = Instant.ofEpochSecond(s);
                for (int r = 0; r <= repeats; r++) {
                    assertEquals(keys.referenceSuffix(instant, 0), keys.suffix(instant, 0), instant + " " + zone);
                    assertEquals(keys.referenceSuffix(instant, r), keys.suffix(instant, r), instant + " " + zone);
                }
            }
        }
    }

    @Property(tries = 300)
    void weekSuffixEqualsIsoFieldsAtTheFastPathsLimits(
            @ForAll @LongRange(min = 2_999_000_000_000L, max = 3_001_000_000_000L) long second,
            @ForAll boolean negative, @ForAll @IntRange(min = 0, max = 13) int weeksBack, @ForAll boolean calendarYear) {
        WeekKeys keys = new WeekKeys(KEYS, ZoneOffset.UTC, calendarYear);
        Instant instant = Instant.ofEpochSecond(negative ? -second : second);
        assertEquals(keys.referenceSuffix(instant, weeksBack), keys.suffix(instant, weeksBack));
    }

    @Example
    void weekSuffixEqualsIsoFieldsOnEveryDayAndEdgeOf1900To2200() {
        for (boolean calendarYear : new boolean[] {false, true}) {
            WeekKeys keys = new WeekKeys(KEYS, ZoneOffset.UTC, calendarYear);
            for (long day = -25_567; day < 84_000; day++) {
                for (long second : new long[] {day * 86_400, day * 86_400 + 86_399}) {
                    Instant instant = Instant.ofEpochSecond(second);
                    assertEquals(keys.referenceSuffix(instant, 0), keys.suffix(instant, 0), instant.toString());
                }
            }
        }
    }

    @Property(tries = 1000)
    void prefixComparisonEqualsTruncatedCopy(@ForAll @Size(min = 32, max = 32) byte[] mac,
            @ForAll @IntRange(min = 0, max = 14) int length, @ForAll @IntRange(min = -1, max = 13) int flip) {
        byte[] candidate = java.util.Arrays.copyOf(mac, length);
        if (flip >= 0 && flip < length) {
            candidate[flip] ^= (byte) (1 << (flip % 8));
        }
        boolean expected = dev.imgsign.core.spi.ConstantTime.equals(
                java.util.Arrays.copyOf(mac, WeeklyMessages.SIGNATURE_BYTES), candidate);
        assertEquals(expected, WeeklyLinkVerifier.prefixEquals(mac, candidate));
    }

    // --- weekly signer -------------------------------------------------------------------------

    @Provide
    Arbitrary<WeeklyLink> anyLinks() {
        Arbitrary<String> bucket = Arbitraries.strings().withChars("ift-_~.aZ9").ofMinLength(1).ofMaxLength(5)
                .filter(b -> WeeklyLink.bucketProblem(b) == null);
        Arbitrary<String> url = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40),
                Arbitraries.strings().withChars(MUTATIONS).ofMaxLength(40),
                Arbitraries.strings().withCharRange(' ', '\u00ff').ofMinLength(40).ofMaxLength(400)).map(s -> "http" + s);
        Arbitrary<Integer> side = Arbitraries.of(0, 150, 250, 500, 7);
        return Combinators.combine(bucket, url, side, side, Arbitraries.of(true, false)).as(WeeklyLink::new);
    }

    @Property(tries = 1000)
    void weeklySignEqualsReference(@ForAll("anyLinks") WeeklyLink link, @ForAll boolean v1,
            @ForAll boolean proxyInMessage) {
        WeeklyProtocol protocol = v1 ? WeeklyProtocol.FIRST_VERSION : WeeklyProtocol.BUCKET;
        for (String host : new String[] {"https://h.example", "", "https://\u0100.example"}) {
            WeeklyLinkSigner signer = WeeklyLinkSigner.builder(KEYS).clock(CLOCK).protocol(protocol)
                    .proxyInMessage(proxyInMessage).host(host).build();
            assertEquals(referenceWeeklySign(link, protocol, proxyInMessage, host), signer.sign(link));
        }
        String extUrl = WeeklyMessages.extUrl(link.imageUrl());
        assertArrayEquals(WeeklyMessages.message(protocol, link.bucket(), extUrl, proxyInMessage),
                WeeklyMessages.signingMessage(protocol, link.bucket(), link.imageUrl(), proxyInMessage));
    }

    /** WeeklyLinkSigner.sign as it was: ext_url and message through strings, JDK base64. */
    private static String referenceWeeklySign(WeeklyLink link, WeeklyProtocol protocol, boolean proxyInMessage,
            String host) {
        String extUrl = WeeklyMessages.extUrl(link.imageUrl());
        byte[] message = WeeklyMessages.message(protocol, link.bucket(), extUrl, link.proxy() && proxyInMessage);
        WeekKeys keys = new WeekKeys(KEYS, ZoneOffset.UTC, false);
        int suffix = keys.referenceSuffix(CLOCK.instant(), 0);
        String signature = WeeklyMessages.signatureText(keys.hmacs(suffix)[0].mac(message));
        return host + "/" + link.bucket() + "/" + link.sizeSegment() + "/" + signature + "/" + extUrl
                + (link.proxy() ? "/proxy" : "");
    }

    // --- weekly verifier -----------------------------------------------------------------------

    @Provide
    Arbitrary<String> weeklyTargets() {
        Arbitrary<String> signed = Combinators.combine(anyLinks(), Arbitraries.integers().between(-1, 7),
                Arbitraries.of(true, false)).as((link, weeksBack, v1) -> WeeklyLinkSigner.builder(KEYS)
                .clock(Clock.fixed(Instant.ofEpochSecond(NOW - 7L * 86_400 * weeksBack), ZoneOffset.UTC))
                .protocol(v1 ? WeeklyProtocol.FIRST_VERSION : WeeklyProtocol.BUCKET).passThroughNonHttp(false)
                .build().sign(link));
        // A query is not signed, but the one-pass check reads it: printable, escaped, raw space, non-ASCII.
        Arbitrary<String> queried = Combinators.combine(signed, Arbitraries.of("?", "?a=b", "?a=%zz", "?%2F", "?a b",
                "?\u00e9", "?\u0100", "?\u007f", "?\t", "??/x", "#f", "/", "?a=/b/c/d/e"))
                .as((t, query) -> t + query);
        // Validly signed ext_url texts the signer never writes: padded, a length of 1 modulo 4, unused bits set,
        // bytes that are not UTF-8, text that is not http.
        Arbitrary<String> ext = Arbitraries.oneOf(
                Arbitraries.strings().withChars("aHR0cDovL2V4Lm9yZw-_AQ=").ofMaxLength(24),
                Arbitraries.strings().withChars("aHR0cDovL2V4Lm9yZw-_AQ8+/=.").ofMinLength(25).ofMaxLength(300)
                        .map(t -> "aHR0cDovL2" + t),
                Arbitraries.of("aHR0cA", "aHR0cB", "aHR0cA=", "aHR0cA==", "aHR0cHM6Ly_-", "aHR0cHM", "aHR0c", "_w", "wA",
                        "aHR0cMOp", "aHR0cMO", "aHR0cP8", "", "="));
        Arbitrary<String> signedExt = Combinators.combine(ext, Arbitraries.of("full", "250x", "x150", "7x7"))
                .as((e, size) -> {
                    WeekKeys keys = new WeekKeys(KEYS, ZoneOffset.UTC, false);
                    byte[] mac = keys.hmacs(keys.suffix(CLOCK.instant(), 0))[0]
                            .mac(WeeklyMessages.message(WeeklyProtocol.BUCKET, "i", e, false));
                    return "/i/" + size + "/" + WeeklyMessages.signatureText(mac) + "/" + e;
                });
        return Arbitraries.oneOf(signed, mutated(signed), mutated(mutated(signed)), queried, mutated(queried),
                signedExt,
                Arbitraries.strings().withChars(MUTATIONS).ofMaxLength(60).map(s -> "/" + s),
                Arbitraries.strings().ofMaxLength(60));
    }

    private static Arbitrary<String> mutated(Arbitrary<String> targets) {
        return Combinators.combine(targets, Arbitraries.integers().between(0, 10_000),
                Arbitraries.strings().withChars(MUTATIONS).ofMaxLength(3), Arbitraries.integers().between(0, 2))
                .as((t, where, text, cut) -> {
                    int i = t.isEmpty() ? 0 : where % (t.length() + 1);
                    int j = Math.min(t.length(), i + cut);
                    return t.substring(0, i) + text + t.substring(j);
                });
    }

    @Property(tries = 3000)
    void weeklyVerifyEqualsReference(@ForAll("weeklyTargets") String target, @ForAll boolean v1,
            @ForAll boolean proxyInMessage, @ForAll @IntRange(min = 0, max = 2) int grace) {
        WeeklyLinkVerifier verifier = WeeklyLinkVerifier.builder(KEYS).clock(CLOCK).graceWeeks(grace)
                .protocol(v1 ? WeeklyProtocol.FIRST_VERSION : WeeklyProtocol.BUCKET)
                .proxyInMessage(proxyInMessage).build();
        assertEquals(verifier.verifyReference(target), verifier.verify(target), target);
    }

    @Property(tries = 1000)
    void printableEqualsACharLoop(@ForAll("printableText") String text) {
        boolean expected = text.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
        assertEquals(expected, dev.imgsign.expiring.internal.Ascii.isPrintable(text), text);
    }

    @Provide
    Arbitrary<String> printableText() {
        return Arbitraries.oneOf(Arbitraries.strings().withCharRange('!', '~').ofMaxLength(80),
                Arbitraries.strings().withCharRange('!', '~').ofMaxLength(80).map(s -> s + "\u0080"),
                // One outsider at any place, in or after the eight-byte blocks.
                Combinators.combine(Arbitraries.strings().withCharRange('!', '~').ofMaxLength(40),
                        Arbitraries.of('\u0000', ' ', '\u001f', '\u007f', '!', '~', '\u0080', '\u00ff', '\u0100'),
                        Arbitraries.integers().between(0, 40))
                        .as((t, c, at) -> t.substring(0, Math.min(at, t.length())) + c
                                + t.substring(Math.min(at, t.length()))),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(10),
                Arbitraries.strings().ofMaxLength(10));
    }

    @Property(tries = 2000)
    void sizeParsingEqualsReference(@ForAll("sizes") String size) {
        WeeklyLinkVerifier verifier = WeeklyLinkVerifier.builder(KEYS)
                .allowedSizes(java.util.Set.of(150, 250, 500, 7, Integer.MAX_VALUE)).build();
        assertEquals(verifier.parseSize(size), verifier.parseSize("<" + size + ">", 1, size.length() + 1), size);
    }

    @Provide
    Arbitrary<String> sizes() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("0125789xful+-").ofMaxLength(14),
                Arbitraries.of("full", "150x", "x250", "150x500", "0150x", "2147483647x", "2147483648x", "x7x150"));
    }
}
