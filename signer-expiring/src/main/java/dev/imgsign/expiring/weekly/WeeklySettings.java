package dev.imgsign.expiring.weekly;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.internal.Settings;
import dev.imgsign.expiring.internal.LinkSettings;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The settings a {@link WeeklyLinkSigner} and a {@link WeeklyLinkVerifier} share, declared once: the
 * keys, the clock and zone that pick the week, the message format and the host. Both builders extend it.
 *
 * @param <B> the concrete builder, returned by every setter
 */
abstract class WeeklySettings<B extends WeeklySettings<B>> {
    final KeySet keys;
    Clock clock = Clock.systemUTC();
    ZoneId zone = ZoneOffset.UTC;
    WeeklyProtocol protocol = WeeklyProtocol.BUCKET;
    boolean proxyInMessage = true;
    boolean calendarYearKeys;
    String host = "";

    WeeklySettings(KeySet keys) {
        this.keys = LinkSettings.keys(keys);
    }

    /** {@return this builder, as its concrete type} */
    abstract B self();

    /** The week keys of these settings. */
    WeekKeys weekKeys() {
        return new WeekKeys(keys, zone, calendarYearKeys);
    }

    /**
     * Where the current instant comes from (its zone is ignored: see {@link #zone}).
     *
     * @param clock the source of the current time
     * @return this builder
     * @throws IllegalArgumentException if {@code clock} is null
     */
    public B clock(Clock clock) {
        this.clock = Settings.required(clock, "clock");
        return self();
    }

    /**
     * The zone in which weeks are counted; UTC (Gazelle) unless set. imageproxy-py uses the server's
     * local time ({@code datetime.now()}): set its zone to match such a server exactly.
     *
     * @param zone the zone whose calendar decides the week
     * @return this builder
     * @throws IllegalArgumentException if {@code zone} is null
     */
    public B zone(ZoneId zone) {
        this.zone = Settings.required(zone, "zone");
        return self();
    }

    /**
     * The message format; {@link WeeklyProtocol#BUCKET} unless set.
     *
     * @param protocol the message layout signed and checked
     * @return this builder
     * @throws IllegalArgumentException if {@code protocol} is null
     */
    public B protocol(WeeklyProtocol protocol) {
        this.protocol = Settings.required(protocol, "protocol");
        return self();
    }

    /**
     * Whether {@code /proxy} is part of the signed message for proxy links: {@code true} (the default)
     * as Gazelle signs; {@code false} as the current imageproxy-py checks (which then rejects Gazelle's
     * proxy links).
     *
     * @param proxyInMessage {@code false} to leave {@code /proxy} out of the message
     * @return this builder
     */
    public B proxyInMessage(boolean proxyInMessage) {
        this.proxyInMessage = proxyInMessage;
        return self();
    }

    /**
     * Legacy keys: the calendar year instead of the ISO week-based year (Gazelle's {@code date('YW')}
     * before its 2024-12-30 fix). Off unless set; they differ around New Year.
     *
     * @param calendarYearKeys {@code true} for the legacy keys
     * @return this builder
     */
    public B calendarYearKeys(boolean calendarYearKeys) {
        this.calendarYearKeys = calendarYearKeys;
        return self();
    }

    /**
     * The links' scheme and host ({@code IMAGE_CACHE_HOST}), e.g. {@code https://img.example.com}: the
     * signer prepends it to every signed path; the verifier then also accepts the signer's full links
     * (an input starting with it, byte for byte, followed by {@code /} or {@code ?} is verified without
     * it). One trailing {@code /} is dropped. Default: empty (path-only links, request targets only).
     *
     * @param host the scheme and host, or empty
     * @return this builder
     * @throws IllegalArgumentException if {@code host} is null
     */
    public B host(String host) {
        this.host = LinkSettings.host(host);
        return self();
    }
}
