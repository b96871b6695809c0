package dev.imgsign.expiring.weekly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.SigningKey;
import dev.imgsign.core.Verification;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Rules of the weekly scheme. Expected signatures are the CPython-computed ones of weekly.json
 * (tcIds noted); the rest are behaviour checks.
 */
class WeeklyLinkTest {
    private static final String URL = "https://example_url/img.jpg";
    private static final String EXT = "aHR0cHM6Ly9leGFtcGxlX3VybC9pbWcuanBn";
    /** weekly.json tcId 2: 2021-12-28T22:20Z, ISO 2021-W52. */
    private static final String CURRENT = "/i/full/gnjO6SJxYbeT9VBz/" + EXT;
    private static final long CURRENT_EPOCH = 1640730000L;
    /** weekly.json tcId 4: Gazelle's proxy link, /proxy signed. */
    private static final String GAZELLE_PROXY = "/i/full/u21SyNepGvwmqYgs/" + EXT + "/proxy";
    /** weekly.json tcIds 15, 17, 18: ISO 2020-W53, 2024-W52, 2025-W01. */
    private static final String SIG_2020_W53 = "Vn_VyIDay7X9cH3v";
    private static final String SIG_2024_W52 = "DMeyjZEcrLEr36zc";
    private static final String SIG_2025_W01 = "noeP50O6EGaKC8ct";

    private static Clock at(String utc) {
        return Clock.fixed(Instant.parse(utc), ZoneOffset.UTC);
    }

    private static Clock at(long epoch) {
        return Clock.fixed(Instant.ofEpochSecond(epoch), ZoneOffset.UTC);
    }

    private static String signAt(String utc) {
        return WeeklyLinkSigner.builder(KeySet.ofUtf8("1234")).clock(at(utc)).build().sign(WeeklyLink.full("i", URL));
    }

    private static WeeklyLinkVerifier verifierAt(String utc, int grace) {
        return WeeklyLinkVerifier.builder(KeySet.ofUtf8("1234")).clock(at(utc)).graceWeeks(grace).build();
    }

    private static Verification.Rejected<WeeklyLink> rejected(Verification<WeeklyLink> v) {
        assertFalse(v.isAccepted(), () -> v.toString());
        return (Verification.Rejected<WeeklyLink>) v;
    }

    @Test
    void isoYearBoundaries() {
        String w53 = "/i/full/" + SIG_2020_W53 + "/" + EXT;
        assertEquals(w53, signAt("2020-12-28T00:00:00Z"), "Monday 2020-12-28 opens 2020-W53");
        assertEquals(w53, signAt("2020-12-31T12:00:00Z"), "2020-12-31 is 2020-W53");
        assertEquals(w53, signAt("2021-01-01T12:00:00Z"), "2021-01-01 is 2020-W53, not 2021-W53");
        assertEquals(w53, signAt("2021-01-03T23:59:59Z"), "Sunday 2021-01-03 is still 2020-W53");
        assertNotEquals(w53, signAt("2021-01-04T00:00:00Z"), "2021-01-04 opens 2021-W01");
        assertEquals("/i/full/" + SIG_2024_W52 + "/" + EXT, signAt("2024-12-29T23:59:59Z"));
        assertEquals("/i/full/" + SIG_2025_W01 + "/" + EXT, signAt("2024-12-30T00:00:00Z"));
        assertEquals("/i/full/" + SIG_2025_W01 + "/" + EXT, signAt("2025-01-05T23:59:59Z"));
    }

    @Test
    void legacyCalendarYearKeysDifferOnlyAroundNewYear() {
        WeeklyLinkSigner legacy = WeeklyLinkSigner.builder(KeySet.ofUtf8("1234")).calendarYearKeys(true)
                .clock(at("2020-12-31T12:00:00Z")).build();
        // 2020-12-31: calendar year and ISO year agree (202053)
        assertEquals("/i/full/" + SIG_2020_W53 + "/" + EXT, legacy.sign(WeeklyLink.full("i", URL)));
        // 2021-01-01: legacy 202153 (weekly.json tcId 16) versus ISO 202053
        WeeklyLinkSigner legacyNewYear = WeeklyLinkSigner.builder(KeySet.ofUtf8("1234")).calendarYearKeys(true)
                .clock(at("2021-01-01T12:00:00Z")).build();
        assertEquals("/i/full/1sbXrOL3HwPbfhf2/" + EXT, legacyNewYear.sign(WeeklyLink.full("i", URL)));
    }

    @Test
    void weeksAreCountedInTheConfiguredZoneNotTheClocksNorTheJvms() {
        Clock kiritimati = Clock.fixed(Instant.parse("2024-12-29T23:59:59Z"), ZoneId.of("Pacific/Kiritimati"));
        WeeklyLink link = WeeklyLink.full("i", URL);
        assertEquals("/i/full/" + SIG_2024_W52 + "/" + EXT,
                WeeklyLinkSigner.builder(KeySet.ofUtf8("1234")).clock(kiritimati).build().sign(link), "UTC by default");
        // 2024-12-29T12:00Z is Monday 2024-12-30 02:00 at UTC+14: ISO 2025-W01
        assertEquals("/i/full/" + SIG_2025_W01 + "/" + EXT, WeeklyLinkSigner.builder(KeySet.ofUtf8("1234"))
                .clock(at("2024-12-29T12:00:00Z")).zone(ZoneId.of("Pacific/Kiritimati")).build().sign(link));
    }

    @Test
    void graceWindowAcrossTheYearChange() {
        String w52 = "/i/full/" + SIG_2024_W52 + "/" + EXT;
        assertTrue(verifierAt("2024-12-30T00:00:00Z", 1).verify(w52).isAccepted());
        assertTrue(verifierAt("2025-01-05T23:59:59Z", 1).verify(w52).isAccepted());
        Verification.Rejected<WeeklyLink> gazelle = rejected(verifierAt("2024-12-30T00:00:00Z", 0).verify(w52));
        assertEquals(Rejection.EXPIRED, gazelle.reason());
        assertEquals(410, gazelle.httpStatus());
        Verification.Rejected<WeeklyLink> late = rejected(verifierAt("2025-01-06T00:00:00Z", 1).verify(w52));
        assertEquals(Rejection.EXPIRED, late.reason());
        assertEquals(410, late.httpStatus());
        String w53 = "/i/full/" + SIG_2020_W53 + "/" + EXT;
        assertTrue(verifierAt("2021-01-10T23:59:59Z", 1).verify(w53).isAccepted(), "2021-W01 accepts 2020-W53");
        assertTrue(verifierAt("2021-01-17T00:00:00Z", 2).verify(w53).isAccepted(), "two weeks of grace");
    }

    @Test
    void nextWeekIsNeverAccepted() {
        String w01 = "/i/full/" + SIG_2025_W01 + "/" + EXT;
        for (int grace = 0; grace <= 8; grace++) {
            Verification.Rejected<WeeklyLink> r = rejected(verifierAt("2024-12-29T23:59:59Z", grace).verify(w01));
            assertEquals(Rejection.NOT_YET_VALID, r.reason());
            assertEquals(410, r.httpStatus());
        }
    }

    @Test
    void legacyKeysBreakAcrossNewYearAsGazelleDid() {
        WeeklyLinkVerifier legacy = WeeklyLinkVerifier.builder(KeySet.ofUtf8("1234")).calendarYearKeys(true)
                .clock(at("2021-01-04T00:00:00Z")).build();
        assertFalse(legacy.verify("/i/full/1sbXrOL3HwPbfhf2/" + EXT).isAccepted());
        assertFalse(verifierAt("2021-01-01T12:00:00Z", 1).verify("/i/full/1sbXrOL3HwPbfhf2/" + EXT).isAccepted(),
                "ISO keys do not accept legacy signatures from New Year's week");
    }

    @Test
    void signatureMustBeSixteenCharacters() {
        WeeklyLinkVerifier verifier = WeeklyLinkVerifier.builder(KeySet.ofUtf8("1234")).clock(at(CURRENT_EPOCH)).build();
        assertTrue(verifier.verify(CURRENT).isAccepted());
        for (String sig : new String[] {"gnjO6SJxYbeT9VB", "gnjO6SJxYbeT9VBzA", "gnjO6SJxYbeT9VBz==", "", "gnjO6SJxYbeT9V+z",
                "gnjO6SJxYbeT9V==", "gnjO6SJxYbeT9VBy"}) {
            Verification.Rejected<WeeklyLink> r = rejected(verifier.verify("/i/full/" + sig + "/" + EXT));
            assertEquals(Rejection.BAD_SIGNATURE, r.reason(), sig);
            assertEquals(410, r.httpStatus());
        }
        assertTrue(verifier.verify("/i/full/gnjO6SJxYbeT9V%42z/" + EXT).isAccepted(), "percent-decoded first");
    }

    @Test
    void paddedExtUrlIsAnotherMessage() {
        WeeklyLinkVerifier verifier = WeeklyLinkVerifier.builder(KeySet.ofUtf8("1234")).clock(at(CURRENT_EPOCH)).build();
        assertEquals(410, rejected(verifier.verify(CURRENT + "=")).httpStatus());
        assertEquals(410, rejected(verifier.verify(CURRENT + "%3D")).httpStatus());
        // aHR0cHM6Ly9leGFtcGxlLmNvbS9pbWFnZS5qcGc needs one '=' of padding; Gazelle strips it
        assertEquals("aHR0cHM6Ly9leGFtcGxlLmNvbS9pbWFnZS5qcGc", WeeklyMessages.extUrl("https://example.com/image.jpg"));
    }

    @Test
    void sizeRulesFollowTheServer() {
        WeeklyLinkVerifier verifier = WeeklyLinkVerifier.builder(KeySet.ofUtf8("1234")).clock(at(CURRENT_EPOCH)).build();
        WeeklyLink dropped = verifier.verify(CURRENT.replace("/full/", "/150x999/")).orElseThrow();
        assertEquals(150, dropped.height());
        assertEquals(0, dropped.width());
        for (String size : new String[] {"150", "x", "FULL", "+150x", "0150x", "999x999", "", " 150x", "150.0x"}) {
            Verification.Rejected<WeeklyLink> r = rejected(verifier.verify(CURRENT.replace("/full/", "/" + size + "/")));
            assertEquals(Rejection.MALFORMED, r.reason(), size);
            assertEquals(400, r.httpStatus(), size);
        }
        WeeklyLink extra = verifier.verify(CURRENT.replace("/full/", "/150x250x999/")).orElseThrow();
        assertEquals(150, extra.height(), "the server ignores parts after the second x");
        assertEquals(250, extra.width());
        WeeklyLinkVerifier custom = WeeklyLinkVerifier.builder(KeySet.ofUtf8("1234")).clock(at(CURRENT_EPOCH))
                .allowedSizes(Set.of(999)).build();
        assertEquals(999, custom.verify(CURRENT.replace("/full/", "/x999/")).orElseThrow().width());
        assertFalse(custom.verify(CURRENT.replace("/full/", "/150x/")).isAccepted());
    }

    @Test
    void sizeIsCheckedAfterTheSignature() {
        WeeklyLinkVerifier verifier = WeeklyLinkVerifier.builder(KeySet.ofUtf8("1234")).clock(at(CURRENT_EPOCH)).build();
        assertEquals(410, rejected(verifier.verify("/i/FULL/gnjO6SJxYbeT9VBA/" + EXT)).httpStatus());
    }

    @Test
    void proxyInMessageChoosesBetweenGazelleAndTheServer() {
        WeeklyLinkVerifier gazelle = WeeklyLinkVerifier.builder(KeySet.ofUtf8("1234")).clock(at(CURRENT_EPOCH)).build();
        WeeklyLink link = gazelle.verify(GAZELLE_PROXY).orElseThrow();
        assertTrue(link.proxy());
        assertEquals(URL, link.imageUrl());
        assertFalse(gazelle.verify(CURRENT + "/proxy").isAccepted(), "unsigned /proxy is refused by default");
        WeeklyLinkVerifier server = WeeklyLinkVerifier.builder(KeySet.ofUtf8("1234")).clock(at(CURRENT_EPOCH))
                .proxyInMessage(false).build();
        assertTrue(server.verify(CURRENT + "/proxy").orElseThrow().proxy());
        assertFalse(server.verify(GAZELLE_PROXY).isAccepted());
        // proxy links ignore the size segment, as the server does
        assertTrue(gazelle.verify(GAZELLE_PROXY.replace("/full/", "/garbage/")).isAccepted());
    }

    @Test
    void signerPassesNonHttpUrlsThroughAsGazelle() {
        WeeklyLinkSigner signer = WeeklyLinkSigner.builder(KeySet.ofUtf8("1234")).staticServer("https://static.example/")
                .host("https://img.example").build();
        assertEquals("/static/common/avatar.png", signer.sign(WeeklyLink.full("i", "/static/common/avatar.png")));
        assertEquals("ftp://x/y.png", signer.sign(WeeklyLink.full("i", "ftp://x/y.png")));
        assertEquals("https://static.example/a.png", signer.sign(WeeklyLink.full("i", "https://static.example/a.png")));
        assertTrue(signer.sign(WeeklyLink.full("i", URL)).startsWith("https://img.example/i/full/"));
        WeeklyLinkSigner strict = WeeklyLinkSigner.builder(KeySet.ofUtf8("1234")).passThroughNonHttp(false).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> strict.sign(WeeklyLink.full("i", "ftp://x/y.png")));
        assertTrue(e.getMessage().contains("http"), e.getMessage());
    }

    @Test
    void badArgumentsNameTheProblem() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WeeklyLink.full("", URL))
                .getMessage().contains("bucket"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WeeklyLink.full("i/j", URL))
                .getMessage().contains("'/'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WeeklyLink.full("..", URL))
                .getMessage().contains("bucket"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WeeklyLink.resized("i", URL, -1, 0))
                .getMessage().contains("height"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WeeklyLink.resized("i", URL, 0, -5))
                .getMessage().contains("width"));
        WeeklyLinkSigner signer = WeeklyLinkSigner.builder(KeySet.ofUtf8("1234")).build();
        assertThrows(IllegalArgumentException.class, () -> signer.sign(null));
        assertThrows(IllegalArgumentException.class, () -> WeeklyLinkSigner.builder(null));
        assertThrows(IllegalArgumentException.class, () -> WeeklyLinkVerifier.builder(KeySet.ofUtf8("k")).graceWeeks(-1));
        assertThrows(IllegalArgumentException.class, () -> WeeklyLinkVerifier.builder(KeySet.ofUtf8("k")).allowedSizes(Set.of(0)));
        String message = assertThrows(IllegalArgumentException.class,
                () -> WeeklyLinkSigner.builder(KeySet.ofUtf8("my-secret")).passThroughNonHttp(false).build()
                        .sign(WeeklyLink.full("i", "file:///etc/passwd"))).getMessage();
        assertFalse(message.contains("my-secret"));
    }

    @Test
    void verifierRejectsWhatGazelleNeverSigns() {
        WeeklyLinkVerifier verifier = WeeklyLinkVerifier.builder(KeySet.ofUtf8("1234")).clock(at(CURRENT_EPOCH)).build();
        // signatures computed with CPython for these ext_url segments (ftp URL, binary bytes): the ftp URL
        // is signed but refused by policy (TARGET_REFUSED, 400), the bytes are not text (MALFORMED)
        Verification.Rejected<WeeklyLink> ftp =
                rejected(verifier.verify("/i/full/xPZl_uL6DOb5a0R8/ZnRwOi8vZXhhbXBsZS5jb20vYS5wbmc"));
        assertEquals(Rejection.TARGET_REFUSED, ftp.reason());
        assertEquals(400, ftp.httpStatus());
        assertEquals(Rejection.MALFORMED, rejected(verifier.verify("/i/full/lHG6ewPF6rUqvmOs/AAEC_w")).reason());
        assertEquals(400, rejected(verifier.verify(CURRENT + "/store")).httpStatus());
        assertEquals(400, rejected(verifier.verify(CURRENT + "/")).httpStatus());
        assertEquals(400, rejected(verifier.verify("//full/gnjO6SJxYbeT9VBz/" + EXT)).httpStatus());
        assertEquals(400, rejected(verifier.verify("/i/full/gnjO6SJxYbeT9VBz/" + EXT + "%")).httpStatus());
        assertEquals(400, rejected(verifier.verify("/i/full/gnjO6SJxYbeT9VBz/caf\u00e9")).httpStatus());
        assertEquals(Rejection.MALFORMED, rejected(verifier.verify((String) null)).reason());
        assertEquals(Rejection.MALFORMED, rejected(verifier.verify("i/full/gnjO6SJxYbeT9VBz/" + EXT)).reason());
        assertEquals(Rejection.TOO_LONG, rejected(verifier.verify("/" + "a".repeat(5000))).reason());
        assertTrue(verifier.verify(CURRENT + "?utm=1").isAccepted(), "the query is ignored, as by the server");
    }

    @Test
    void olderKeysOfTheKeySetStillVerify() {
        KeySet keys = KeySet.of(SigningKey.ofUtf8("new-secret").withId("2025"), SigningKey.ofUtf8("1234").withId("old"));
        WeeklyLinkVerifier verifier = WeeklyLinkVerifier.builder(keys).clock(at(CURRENT_EPOCH)).build();
        Verification.Accepted<WeeklyLink> accepted = (Verification.Accepted<WeeklyLink>) verifier.verify(CURRENT);
        assertEquals(1, accepted.keyIndex());
        assertEquals("old", accepted.keyId());
        assertFalse(verifier.toString().contains("1234"));
    }

    @Test
    void manyWeeksInARowKeepWorking() {
        Instant start = Instant.parse("2019-12-01T10:00:00Z");
        for (int week = 0; week < 80; week++) {
            Clock clock = Clock.fixed(start.plusSeconds(week * 7L * 86400), ZoneOffset.UTC);
            String path = WeeklyLinkSigner.builder(KeySet.ofUtf8("1234")).clock(clock).build()
                    .sign(WeeklyLink.resized("t", URL, 500, 250));
            WeeklyLink back = WeeklyLinkVerifier.builder(KeySet.ofUtf8("1234")).clock(clock).build().verify(path).orElseThrow();
            assertEquals(WeeklyLink.resized("t", URL, 500, 250), back);
        }
        WeeklyLinkVerifier shared = WeeklyLinkVerifier.builder(KeySet.ofUtf8("1234")).clock(at(CURRENT_EPOCH)).build();
        for (int i = 0; i < 40; i++) {
            assertTrue(shared.verify(CURRENT).isAccepted());
        }
    }
}
