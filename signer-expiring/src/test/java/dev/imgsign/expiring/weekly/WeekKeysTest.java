package dev.imgsign.expiring.weekly;

import dev.imgsign.core.KeySet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imgsign.core.Rejection;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Week keys of small years, and the expired-week look-back window. */
class WeekKeysTest {
    private static final String URL = "https://example_url/img.jpg";

    /** README: key = secret + ISO week-based year (4 digits) + ISO week (2 digits); 12 bytes of HMAC-SHA256. */
    private static String expectedSignature(LocalDate date) {
        String suffix = String.format(java.util.Locale.ROOT, "%04d%02d",
                date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(("1234" + suffix).getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            String ext = Base64.getUrlEncoder().withoutPadding().encodeToString(URL.getBytes(StandardCharsets.US_ASCII));
            byte[] full = mac.doFinal(("i/" + ext).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, 12));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void weekKeysPadTheYearToFourDigits() {
        for (int year : new int[] {5, 9, 10, 99, 100, 999, 1000, 2021}) {
            LocalDate date = LocalDate.of(year, 6, 15);
            Clock clock = Clock.fixed(date.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
            String signed = WeeklyLinkSigner.builder(KeySet.ofUtf8("1234")).clock(clock).build().sign(WeeklyLink.full("i", URL));
            assertEquals(expectedSignature(date), signed.split("/")[3], "year " + year);
        }
    }

    @Test
    void signaturesUpToFourWeeksBeforeTheWindowAreExpiredOlderOnesForged() {
        LocalDate today = LocalDate.of(2021, 12, 28);
        Clock now = Clock.fixed(today.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
        WeeklyLinkVerifier verifier = WeeklyLinkVerifier.builder(KeySet.ofUtf8("1234")).clock(now).graceWeeks(1).build();
        String ext = "/" + Base64.getUrlEncoder().withoutPadding().encodeToString(URL.getBytes(StandardCharsets.US_ASCII));
        for (int weeksBack = 0; weeksBack <= 6; weeksBack++) {
            String link = "/i/full/" + expectedSignature(today.minus(weeksBack, ChronoUnit.WEEKS)) + ext;
            Rejection expected = weeksBack <= 1 ? null : weeksBack <= 5 ? Rejection.EXPIRED : Rejection.BAD_SIGNATURE;
            assertEquals(expected, verifier.verify(link).rejection().orElse(null), weeksBack + " weeks back");
        }
        String nextWeek = "/i/full/" + expectedSignature(today.plus(1, ChronoUnit.WEEKS)) + ext;
        assertEquals(Rejection.NOT_YET_VALID, verifier.verify(nextWeek).rejection().orElse(null));
    }
}
