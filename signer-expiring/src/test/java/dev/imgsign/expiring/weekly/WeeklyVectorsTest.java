package dev.imgsign.expiring.weekly;

import dev.imgsign.core.KeySet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.Verification;
import dev.imgsign.vectors.TestVectors;
import dev.imgsign.vectors.TestVectors.Vector;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every vector of weekly.json. */
class WeeklyVectorsTest {
    private static final TestVectors VECTORS = TestVectors.load("weekly");

    static Stream<Vector> links() {
        return VECTORS.tests("WeeklyLink").stream();
    }

    static Stream<Vector> sizeSegments() {
        return VECTORS.tests("GazelleSizeSegment").stream();
    }

    static Stream<Vector> extUrls() {
        return VECTORS.tests("ExtUrl").stream();
    }

    static Stream<Vector> weekSuffixes() {
        return VECTORS.tests("WeekKeySuffix").stream();
    }

    static Stream<Vector> verifications() {
        return VECTORS.tests("WeeklyVerify").stream();
    }

    @Test
    void everyGroupIsExercised() {
        List<String> types = VECTORS.groups().stream().map(TestVectors.Group::type).distinct().toList();
        assertEquals(List.of("WeeklyLink", "GazelleSizeSegment", "ExtUrl", "WeekKeySuffix", "WeeklyVerify"), types);
    }

    private static Clock clockAt(Vector v) {
        return Clock.fixed(Instant.ofEpochSecond(v.getLong("epochSeconds")), ZoneOffset.UTC);
    }

    private static WeeklyProtocol protocol(Vector v) {
        return WeeklyProtocol.ofOption(v.find("protocol").orElse("bucket"));
    }

    private static boolean flag(Vector v, String name, boolean otherwise) {
        return v.find(name).map(Boolean::parseBoolean).orElse(otherwise);
    }

    private static int number(Vector v, String name) {
        return v.find(name).map(Integer::parseInt).orElse(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("links")
    void signsExactlyAsTheVector(Vector v) {
        WeeklyLinkSigner signer = WeeklyLinkSigner.builder(KeySet.ofUtf8(v.get("secret"))).clock(clockAt(v))
                .protocol(protocol(v)).proxyInMessage(flag(v, "proxyInMessage", true))
                .calendarYearKeys(flag(v, "calendarYearKeys", false)).build();
        WeeklyLink link = new WeeklyLink(v.get("bucket"), v.get("imageUrl"), number(v, "height"), number(v, "width"),
                flag(v, "proxy", false));
        assertEquals(v.get("path"), signer.sign(link));
        assertEquals("https://img.example" + v.get("path"), WeeklyLinkSigner.builder(KeySet.ofUtf8(v.get("secret")))
                .clock(clockAt(v)).protocol(protocol(v)).proxyInMessage(flag(v, "proxyInMessage", true))
                .calendarYearKeys(flag(v, "calendarYearKeys", false)).host("https://img.example/").build().sign(link));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("links")
    void verifiesTheVectorAtTheSameInstant(Vector v) {
        WeeklyLinkVerifier verifier = WeeklyLinkVerifier.builder(KeySet.ofUtf8(v.get("secret"))).clock(clockAt(v))
                .protocol(protocol(v)).proxyInMessage(flag(v, "proxyInMessage", true))
                .calendarYearKeys(flag(v, "calendarYearKeys", false)).build();
        Verification<WeeklyLink> result = verifier.verify(v.get("path"));
        assertTrue(result.isAccepted(), () -> result.toString());
        WeeklyLink link = result.orElseThrow();
        assertEquals(v.get("bucket"), link.bucket());
        assertEquals(v.get("imageUrl"), link.imageUrl());
        assertEquals(flag(v, "proxy", false), link.proxy());
        // proxy links ignore sizes (tcId 5 asked for width 512): the server keeps none
        assertEquals(link.proxy() ? 0 : number(v, "height"), link.height());
        assertEquals(link.proxy() ? 0 : number(v, "width"), link.width());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sizeSegments")
    void gazelleSizeSegments(Vector v) {
        WeeklyLink link = WeeklyLink.resized(v.get("bucket"), "https://example.com/image.jpg",
                number(v, "height"), number(v, "width"));
        assertEquals(v.get("sizeSegment"), link.sizeSegment());
        String path = WeeklyLinkSigner.builder(KeySet.ofUtf8("1234")).build().sign(link);
        assertTrue(path.startsWith(v.get("pathPrefix")), path);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("extUrls")
    void extUrlIsUnpaddedUrlSafeBase64(Vector v) {
        assertEquals(v.get("extUrl"), WeeklyMessages.extUrl(v.get("imageUrl")));
        String path = WeeklyLinkSigner.builder(KeySet.ofUtf8("1234")).build().sign(WeeklyLink.full("i", v.get("imageUrl")));
        assertTrue(path.endsWith("/" + v.get("extUrl")), path);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("weekSuffixes")
    void weekSuffixesAllDay(Vector v) {
        LocalDate date = LocalDate.parse(v.get("date"));
        for (LocalTime time : List.of(LocalTime.MIDNIGHT, LocalTime.NOON, LocalTime.of(23, 59, 59))) {
            var utc = date.atTime(time).atZone(ZoneOffset.UTC);
            assertEquals(v.get("isoSuffix"), WeekKeys.suffixText(WeekKeys.suffix(utc, false)));
            v.find("legacySuffix").ifPresent(
                    legacy -> assertEquals(legacy, WeekKeys.suffixText(WeekKeys.suffix(utc, true))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verifications")
    void verifiesAsTheServer(Vector v) {
        WeeklyLinkVerifier verifier = WeeklyLinkVerifier.builder(KeySet.ofUtf8(v.get("secret"))).clock(clockAt(v))
                .graceWeeks(number(v, "graceWeeks")).proxyInMessage(flag(v, "proxyInMessage", true))
                .calendarYearKeys(flag(v, "calendarYearKeys", false)).build();
        Verification<WeeklyLink> result = verifier.verify(v.get("path"));
        if (v.valid()) {
            assertTrue(result.isAccepted(), () -> result.toString());
            WeeklyLink link = result.orElseThrow();
            assertEquals(v.get("imageUrl"), link.imageUrl());
            assertEquals(v.get("bucket"), link.bucket());
            assertEquals(number(v, "height"), link.height());
            assertEquals(number(v, "width"), link.width());
        } else {
            assertFalse(result.isAccepted());
            assertEquals(Integer.parseInt(v.get("status")), ((Verification.Rejected<WeeklyLink>) result).httpStatus());
        }
    }
}
