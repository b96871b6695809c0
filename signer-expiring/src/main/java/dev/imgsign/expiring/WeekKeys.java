package dev.imgsign.expiring;

import dev.imgsign.core.Hmac;
import dev.imgsign.core.HmacAlgorithm;
import dev.imgsign.core.KeySet;
import dev.imgsign.core.SigningKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The weekly keys: secret bytes followed by a week suffix ({@code YYYYWW}: ISO week-based year and ISO
 * week, or the calendar year in legacy mode), one {@link Hmac} per secret of the key set, cached per
 * week so the hot path reuses the key schedule. Thread-safe: a racing miss derives the same keys twice.
 */
final class WeekKeys {
    /** A few weeks (current, grace window, expiry look-back) fit; more than this and the cache restarts. */
    private static final int MAX_CACHED_WEEKS = 24;

    private final byte[][] secrets;
    private final ZoneId zone;
    private final boolean calendarYear;
    private final ConcurrentHashMap<Integer, Hmac[]> cache = new ConcurrentHashMap<>();

    WeekKeys(KeySet keys, ZoneId zone, boolean calendarYear) {
        List<SigningKey> list = keys.keys();
        this.secrets = new byte[list.size()][];
        for (int i = 0; i < secrets.length; i++) {
            secrets[i] = list.get(i).copyBytes();
        }
        this.zone = zone;
        this.calendarYear = calendarYear;
    }

    /** The week suffix, as the number YYYYWW, of {@code instant} shifted by {@code weeksBack} weeks. */
    int suffix(Instant instant, int weeksBack) {
        ZonedDateTime time = instant.atZone(zone);
        if (weeksBack != 0) {
            time = time.minusWeeks(weeksBack);
        }
        return suffix(time, calendarYear);
    }

    static int suffix(ZonedDateTime time, boolean calendarYear) {
        int year = calendarYear ? time.getYear() : time.get(IsoFields.WEEK_BASED_YEAR);
        return year * 100 + time.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    /** The text appended to the secret: the year with at least 4 digits, the week with 2. */
    static String suffixText(int suffix) {
        int year = suffix / 100;
        int week = suffix % 100;
        StringBuilder text = new StringBuilder(6);
        if (year >= 0 && year < 1000) {
            text.append(year < 10 ? "000" : year < 100 ? "00" : "0");
        }
        text.append(year);
        if (week < 10) {
            text.append('0');
        }
        return text.append(week).toString();
    }

    /** The HMACs of every key for the week {@code suffix}; index 0 is the primary key. */
    Hmac[] hmacs(int suffix) {
        Hmac[] hmacs = cache.get(suffix);
        if (hmacs == null) {
            hmacs = derive(suffix);
            if (cache.size() >= MAX_CACHED_WEEKS) {
                cache.clear();
            }
            Hmac[] raced = cache.putIfAbsent(suffix, hmacs);
            if (raced != null) {
                hmacs = raced;
            }
        }
        return hmacs;
    }

    int keyCount() {
        return secrets.length;
    }

    private Hmac[] derive(int suffix) {
        byte[] tail = suffixText(suffix).getBytes(StandardCharsets.US_ASCII);
        Hmac[] hmacs = new Hmac[secrets.length];
        for (int i = 0; i < secrets.length; i++) {
            byte[] key = Arrays.copyOf(secrets[i], secrets[i].length + tail.length);
            System.arraycopy(tail, 0, key, secrets[i].length, tail.length);
            hmacs[i] = Hmac.ofRawKey(HmacAlgorithm.SHA256, key);
            Arrays.fill(key, (byte) 0);
        }
        return hmacs;
    }

    @Override
    public String toString() {
        return "WeekKeys[" + secrets.length + " keys, redacted]";
    }
}
