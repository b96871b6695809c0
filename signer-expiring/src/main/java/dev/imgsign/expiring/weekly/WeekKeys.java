package dev.imgsign.expiring.weekly;

import dev.imgsign.core.spi.Hmac;
import dev.imgsign.core.spi.HmacAlgorithm;
import dev.imgsign.core.KeySet;
import dev.imgsign.core.SigningKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The weekly keys: secret bytes followed by a week suffix ({@code YYYYWW}: ISO week-based year and ISO
 * week, or the calendar year in legacy mode), one {@link Hmac} per secret of the key set, cached per
 * week so the hot path reuses the key schedule. Thread-safe: a racing miss derives the same keys twice.
 *
 * <p>The cache is a small direct-mapped table of immutable entries indexed by the week suffix: no
 * boxing and no allocation on a hit, bounded size, and a collision only costs a re-derivation.
 */
final class WeekKeys {
    /** Consecutive weeks land in different slots, so the current, grace and look-back weeks all fit. */
    private static final int SLOTS = 32;
    private static final long SECONDS_PER_DAY = 86_400;
    /** Instants within about ±100,000 years take the arithmetic path; others the reference (same answer). */
    private static final long FAST_LIMIT_SECONDS = 3_000_000_000_000L;

    private final byte[][] secrets;
    private final ZoneId zone;
    /** The zone's fixed offset in seconds, or {@code null} for a zone with rules (DST and the like). */
    private final Integer fixedOffsetSeconds;
    private final boolean calendarYear;
    private final AtomicReferenceArray<Entry> cache = new AtomicReferenceArray<>(SLOTS);
    /** The local day last asked for with no weeks back, and its suffix; replaced whole when the day changes. */
    private volatile Day today;

    /** A local date (days since 1970-01-01) and its week suffix; immutable. */
    private static final class Day {
        final long epochDay;
        final int suffix;

        Day(long epochDay, int suffix) {
            this.epochDay = epochDay;
            this.suffix = suffix;
        }
    }

    /** The keys of one week; immutable, published through the array. */
    private static final class Entry {
        final int suffix;
        final Hmac[] hmacs;

        Entry(int suffix, Hmac[] hmacs) {
            this.suffix = suffix;
            this.hmacs = hmacs;
        }
    }

    WeekKeys(KeySet keys, ZoneId zone, boolean calendarYear) {
        List<SigningKey> list = keys.keys();
        this.secrets = new byte[list.size()][];
        for (int i = 0; i < secrets.length; i++) {
            secrets[i] = list.get(i).copyBytes();
        }
        this.zone = zone;
        ZoneOffset fixed = zone instanceof ZoneOffset o ? o
                : zone.getRules().isFixedOffset() ? zone.getRules().getOffset(Instant.EPOCH) : null;
        this.fixedOffsetSeconds = fixed == null ? null : fixed.getTotalSeconds();
        this.calendarYear = calendarYear;
    }

    /**
     * The week suffix, as the number YYYYWW, of {@code instant} shifted by {@code weeksBack} weeks.
     * Equal to {@link #referenceSuffix}: for a fixed offset the local date is plain arithmetic and
     * subtracting weeks cannot land in a gap; other zones and far instants take the reference path.
     */
    int suffix(Instant instant, int weeksBack) {
        long seconds = instant.getEpochSecond();
        if (fixedOffsetSeconds == null || seconds > FAST_LIMIT_SECONDS || seconds < -FAST_LIMIT_SECONDS) {
            return referenceSuffix(instant, weeksBack);
        }
        long epochDay = Math.floorDiv(seconds + fixedOffsetSeconds, SECONDS_PER_DAY) - 7L * weeksBack;
        if (weeksBack != 0) {
            return suffixOfEpochDay(epochDay, calendarYear);
        }
        // Every sign and every valid verify asks for today: the calendar arithmetic runs once a day.
        Day day = today;
        if (day == null || day.epochDay != epochDay) {
            day = new Day(epochDay, suffixOfEpochDay(epochDay, calendarYear));
            today = day;
        }
        return day.suffix;
    }

    /** The week suffix through {@code ZonedDateTime} and {@link IsoFields}: the definition. */
    int referenceSuffix(Instant instant, int weeksBack) {
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

    /**
     * The suffix of the local date {@code epochDay} (days since 1970-01-01): the ISO week is the one
     * holding that week's Thursday, whose year is the week-based year.
     */
    static int suffixOfEpochDay(long epochDay, boolean calendarYear) {
        int isoDayOfWeek = (int) Math.floorMod(epochDay + 3, 7L) + 1; // 1970-01-01 was a Thursday (4)
        long thursday = epochDay - isoDayOfWeek + 4;
        long thursdayYear = yearOfEpochDay(thursday);
        int week = (int) ((thursday - firstEpochDayOfYear(thursdayYear)) / 7) + 1;
        long year = calendarYear ? yearOfEpochDay(epochDay) : thursdayYear;
        return (int) year * 100 + week;
    }

    /** The proleptic Gregorian year holding {@code epochDay}. */
    static long yearOfEpochDay(long epochDay) {
        // Civil-from-days over 400-year eras of 146097 days, years starting on 1 March.
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097L);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long marchBasedMonth = (5 * dayOfYear + 2) / 153;
        return yearOfEra + era * 400 + (marchBasedMonth >= 10 ? 1 : 0);
    }

    /** The epoch day of 1 January of {@code year}. */
    static long firstEpochDayOfYear(long year) {
        long y = year - 1; // days before 1 January of year: full years since year 0, with leap days
        return 365 * y + Math.floorDiv(y, 4L) - Math.floorDiv(y, 100L) + Math.floorDiv(y, 400L) + 366 - 719_528;
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
        int slot = Math.floorMod(suffix, SLOTS);
        Entry entry = cache.get(slot);
        if (entry == null || entry.suffix != suffix) {
            entry = new Entry(suffix, derive(suffix));
            cache.set(slot, entry);
        }
        return entry.hmacs;
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
