package dev.imgsign.expiring.weekly;

import dev.imgsign.core.KeySet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.imgsign.core.Rejection;
import dev.imgsign.core.Verification;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Round trips, tamper detection and totality of the weekly verifier. */
class WeeklyPropertiesTest {
    private static final long Y2000 = 946_684_800L;
    private static final long Y2100 = 4_102_444_800L;

    @Provide
    Arbitrary<WeeklyLink> links() {
        Arbitrary<String> bucket = Arbitraries.strings().withChars("ift-_~abc").ofMinLength(1).ofMaxLength(4)
                .filter(b -> WeeklyLink.bucketProblem(b) == null);
        Arbitrary<String> url = Arbitraries.strings().ofMaxLength(30).filter(s -> !hasSurrogate(s))
                .map(s -> "https://example.com/" + s);
        Arbitrary<Integer> side = Arbitraries.of(0, 150, 250, 500);
        return Combinators.combine(bucket, url, side, side, Arbitraries.of(true, false))
                .as(WeeklyLink::new);
    }

    private static boolean hasSurrogate(String s) {
        return s.chars().anyMatch(c -> Character.isSurrogate((char) c));
    }

    private static Clock at(long second) {
        return Clock.fixed(Instant.ofEpochSecond(second), ZoneOffset.UTC);
    }

    /** The first instant after the grace window of a link signed at {@code signed}. */
    private static long endOfValidity(long signed, int grace) {
        ZonedDateTime monday = Instant.ofEpochSecond(signed).atZone(ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).truncatedTo(ChronoUnit.DAYS);
        return monday.plusWeeks(1 + grace).toEpochSecond();
    }

    @Property(tries = 300)
    void roundTripsWithinTheWeekAndGrace(@ForAll("links") WeeklyLink link,
            @ForAll @LongRange(min = Y2000, max = Y2100) long signedAt, @ForAll @IntRange(min = 0, max = 2) int grace,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long offsetSeed) {
        String path = WeeklyLinkSigner.builder(KeySet.ofUtf8("k")).clock(at(signedAt)).build().sign(link);
        long end = endOfValidity(signedAt, grace);
        long verifyAt = signedAt + Math.floorMod(offsetSeed, end - signedAt);
        WeeklyLink back = WeeklyLinkVerifier.builder(KeySet.ofUtf8("k")).graceWeeks(grace).clock(at(verifyAt)).build()
                .verify(path).orElseThrow();
        WeeklyLink expected = link.proxy() ? new WeeklyLink(link.bucket(), link.imageUrl(), 0, 0, true) : link;
        assertEquals(expected, back);
        Verification<WeeklyLink> late = WeeklyLinkVerifier.builder(KeySet.ofUtf8("k")).graceWeeks(grace).clock(at(end))
                .build().verify(path);
        assertEquals(Rejection.EXPIRED, late.rejection().orElseThrow());
        Verification<WeeklyLink> early = WeeklyLinkVerifier.builder(KeySet.ofUtf8("k")).graceWeeks(grace)
                .clock(at(endOfValidity(signedAt, -1) - 1)).build().verify(path);
        assertEquals(Rejection.NOT_YET_VALID, early.rejection().orElseThrow());
    }

    @Property(tries = 300)
    void signedSegmentsCannotChange(@ForAll("links") WeeklyLink link, @ForAll @IntRange(min = 0, max = 1000) int where,
            @ForAll @IntRange(min = 0, max = 2) int which) {
        Clock clock = at(1_640_730_000L);
        String path = WeeklyLinkSigner.builder(KeySet.ofUtf8("k")).clock(clock).build().sign(link);
        String[] segments = path.substring(1).split("/", -1);
        int index = which == 0 ? 0 : which == 1 ? 2 : 3; // bucket, signature, ext_url
        String s = segments[index];
        int i = where % s.length();
        char replacement = s.charAt(i) == 'A' ? 'B' : 'A';
        segments[index] = s.substring(0, i) + replacement + s.substring(i + 1);
        String changed = "/" + String.join("/", segments);
        assertFalse(WeeklyLinkVerifier.builder(KeySet.ofUtf8("k")).clock(clock).build().verify(changed).isAccepted(), changed);
    }

    @Property(tries = 1000)
    void verifyNeverThrows(@ForAll String target) {
        WeeklyLinkVerifier verifier = WeeklyLinkVerifier.builder(KeySet.ofUtf8("k")).clock(at(1_640_730_000L)).build();
        assertNotNull(verifier.verify(target));
        assertNotNull(verifier.verify("/" + target));
        assertNotNull(verifier.verify("/i/full/" + target));
    }

    @Property(tries = 500)
    void verifyNeverThrowsOnPathShapedInput(@ForAll("pathish") String target) {
        assertNotNull(WeeklyLinkVerifier.builder(KeySet.ofUtf8("k")).build().verify(target));
    }

    @Provide
    Arbitrary<String> pathish() {
        return Arbitraries.strings().withChars("/%x0159ABCfullproxy=_-?").ofMaxLength(60).map(s -> "/" + s);
    }
}
