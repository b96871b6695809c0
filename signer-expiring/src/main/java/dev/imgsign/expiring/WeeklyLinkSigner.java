package dev.imgsign.expiring;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.UrlSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Signs weekly-key bucket links exactly as Gazelle's {@code image_cache_encode} does, for
 * imageproxy-py: {@code [host]/{bucket}/{size}/{signature}/{ext_url}[/proxy]}.
 *
 * <p>The key is the secret followed by the ISO week-based year (4 digits) and ISO week (2 digits) of
 * the clock's instant in the configured zone (UTC unless set; never the JVM default zone). The
 * signature is the URL-safe base64 of the first 12 bytes of HMAC-SHA256, always 16 characters. Links
 * stay valid for the rest of the week plus the verifier's grace window.
 *
 * <p>Immutable and thread-safe; the derived key of each week is built once and cached.
 *
 * <pre>{@code
 * WeeklyLinkSigner signer = WeeklyLinkSigner.builder().secret("1234").build();
 * String path = signer.sign(WeeklyLink.resized("i", "https://example.com/a.jpg", 250, 0));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class WeeklyLinkSigner implements UrlSigner<WeeklyLink> {
    private final WeekKeys weekKeys;
    private final Clock clock;
    private final WeeklyProtocol protocol;
    private final boolean proxyInMessage;
    private final String host;
    /** The host's bytes when it is Latin-1 (one byte per char), else {@code null}. */
    private final byte[] hostBytes;
    private final String staticServer;
    private final boolean passThroughNonHttp;

    private WeeklyLinkSigner(Builder b) {
        this.weekKeys = new WeekKeys(b.keys, b.zone, b.calendarYearKeys);
        this.clock = b.clock;
        this.protocol = b.protocol;
        this.proxyInMessage = b.proxyInMessage;
        this.host = b.host;
        this.hostBytes = b.host.chars().allMatch(c -> c < 0x100) ? b.host.getBytes(StandardCharsets.ISO_8859_1) : null;
        this.staticServer = b.staticServer;
        this.passThroughNonHttp = b.passThroughNonHttp;
    }

    /**
     * A builder; a key is required, every other setting has a default.
     *
     * @return a builder without a key
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The signed link for {@code link}. As Gazelle does, an image URL that does not start with
     * {@code http} (or that starts with the configured static server) is returned unchanged, unless
     * {@link Builder#passThroughNonHttp(boolean)} was turned off.
     *
     * @throws IllegalArgumentException if {@code link} is null, or its URL is not http and pass-through is off
     */
    @Override
    public String sign(WeeklyLink link) {
        if (link == null) {
            throw new IllegalArgumentException("link is null");
        }
        String url = link.imageUrl();
        if (!staticServer.isEmpty() && url.startsWith(staticServer)) {
            return url;
        }
        if (!url.startsWith("http")) {
            if (passThroughNonHttp) {
                return url;
            }
            throw new IllegalArgumentException("image URL does not start with http");
        }
        boolean proxySigned = link.proxy() && proxyInMessage;
        // One array holds the message with ext_url encoded in place; the output copies ext_url from it.
        byte[] message = WeeklyMessages.signingMessage(protocol, link.bucket(), url, proxySigned);
        int extFrom = WeeklyMessages.extUrlOffset(protocol, link.bucket());
        int extTo = message.length - (proxySigned ? 6 : 0);
        int suffix = weekKeys.suffix(clock.instant(), 0);
        byte[] mac = weekKeys.hmacs(suffix)[0].mac(message);
        if (hostBytes != null) {
            return latin1Output(link, message, extFrom, extTo, mac);
        }
        StringBuilder out = new StringBuilder(host.length() + link.bucket().length() + (extTo - extFrom) + 48);
        out.append(host).append('/').append(link.bucket()).append('/');
        appendSizeSegment(link, out);
        out.append('/');
        UrlSafeBase64.append(mac, 0, WeeklyMessages.SIGNATURE_BYTES, out);
        out.append('/').append(new String(message, extFrom, extTo - extFrom, StandardCharsets.ISO_8859_1));
        if (link.proxy()) {
            out.append("/proxy");
        }
        return out.toString();
    }

    /** The signed link written into one array with block copies (a Latin-1 host, as every real one is). */
    private String latin1Output(WeeklyLink link, byte[] message, int extFrom, int extTo, byte[] mac) {
        String bucket = link.bucket();
        int height = link.proxy() ? 0 : link.height();
        int width = link.proxy() ? 0 : link.width();
        boolean full = height == 0 && width == 0;
        int sizeLength = full ? 4 : (height == 0 ? 0 : CanonicalString.digits(height)) + 1
                + (width == 0 ? 0 : CanonicalString.digits(width));
        int extLength = extTo - extFrom;
        byte[] out = new byte[hostBytes.length + 1 + bucket.length() + 1 + sizeLength + 1
                + WeeklyMessages.SIGNATURE_CHARS + 1 + extLength + (link.proxy() ? 6 : 0)];
        System.arraycopy(hostBytes, 0, out, 0, hostBytes.length);
        int o = hostBytes.length;
        out[o++] = '/';
        WeeklyMessages.copyLatin1(bucket, 0, bucket.length(), out, o);
        o += bucket.length();
        out[o++] = '/';
        if (full) {
            WeeklyMessages.copyLatin1("full", 0, 4, out, o);
            o += 4;
        } else {
            o = height == 0 ? o : CanonicalString.decimal(height, out, o);
            out[o++] = 'x';
            o = width == 0 ? o : CanonicalString.decimal(width, out, o);
        }
        out[o++] = '/';
        o = UrlSafeBase64.encode(mac, 0, WeeklyMessages.SIGNATURE_BYTES, out, o);
        out[o++] = '/';
        System.arraycopy(message, extFrom, out, o, extLength);
        o += extLength;
        if (link.proxy()) {
            WeeklyMessages.copyLatin1("/proxy", 0, 6, out, o);
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /** {@link WeeklyLink#sizeSegment()} without the intermediate strings. */
    private static void appendSizeSegment(WeeklyLink link, StringBuilder out) {
        if (link.proxy() || (link.height() == 0 && link.width() == 0)) {
            out.append("full");
            return;
        }
        if (link.height() != 0) {
            out.append(link.height());
        }
        out.append('x');
        if (link.width() != 0) {
            out.append(link.width());
        }
    }

    @Override
    public String toString() {
        return "WeeklyLinkSigner[" + protocol.optionValue() + ", proxyInMessage=" + proxyInMessage + ", keys redacted]";
    }

    /** Settings of a {@link WeeklyLinkSigner}. A key is required; everything else has a default. */
    public static final class Builder {
        private KeySet keys;
        private Clock clock = Clock.systemUTC();
        private ZoneId zone = ZoneOffset.UTC;
        private WeeklyProtocol protocol = WeeklyProtocol.BUCKET;
        private boolean proxyInMessage = true;
        private boolean calendarYearKeys;
        private String host = "";
        private String staticServer = "";
        private boolean passThroughNonHttp = true;

        private Builder() {
        }

        /**
         * The shared secret ({@code IMAGE_CACHE_SECRET} / {@code SIG_SECRET}) as UTF-8 text.
         *
         * @param secret the secret's text
         * @return this builder
         * @throws IllegalArgumentException if {@code secret} is empty
         */
        public Builder secret(String secret) {
            this.keys = BuilderChecks.utf8Secret(secret);
            return this;
        }

        /**
         * The secrets; the primary signs.
         *
         * @param keys the secrets; only the primary one signs
         * @return this builder
         */
        public Builder keys(KeySet keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        /**
         * Where the current instant comes from (its zone is ignored: see {@link #zone}).
         *
         * @param clock the source of the current time
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The zone in which weeks are counted; UTC (Gazelle) unless set.
         *
         * @param zone the zone whose calendar decides the week
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * The message format; {@link WeeklyProtocol#BUCKET} unless set.
         *
         * @param protocol the message layout to sign
         * @return this builder
         */
        public Builder protocol(WeeklyProtocol protocol) {
            this.protocol = Objects.requireNonNull(protocol, "protocol");
            return this;
        }

        /**
         * Whether {@code /proxy} is part of the signed message for proxy links: {@code true} (the default)
         * as Gazelle signs, {@code false} as the current imageproxy-py checks.
         *
         * @param proxyInMessage {@code false} to leave {@code /proxy} out of the message
         * @return this builder
         */
        public Builder proxyInMessage(boolean proxyInMessage) {
            this.proxyInMessage = proxyInMessage;
            return this;
        }

        /**
         * Legacy keys: the calendar year instead of the ISO week-based year (Gazelle's {@code date('YW')}
         * before its 2024-12-30 fix). Off unless set; they differ around New Year.
         *
         * @param calendarYearKeys {@code true} for the legacy keys
         * @return this builder
         */
        public Builder calendarYearKeys(boolean calendarYearKeys) {
            this.calendarYearKeys = calendarYearKeys;
            return this;
        }

        /**
         * Prepended to every signed path ({@code IMAGE_CACHE_HOST}), e.g. {@code https://img.example.com}.
         *
         * @param host the scheme and host, or empty for path-only URLs; a trailing {@code /} is dropped
         * @return this builder
         */
        public Builder host(String host) {
            this.host = BuilderChecks.host(host);
            return this;
        }

        /**
         * URLs starting with this prefix (Gazelle's {@code STATIC_SERVER}) are returned unchanged.
         *
         * @param prefix the static server's URL prefix; empty (the default) matches nothing
         * @return this builder
         */
        public Builder staticServer(String prefix) {
            this.staticServer = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /**
         * Whether image URLs not starting with {@code http} are returned unchanged (Gazelle; the default)
         * or refused with an {@link IllegalArgumentException}.
         *
         * @param passThroughNonHttp {@code false} to refuse such URLs
         * @return this builder
         */
        public Builder passThroughNonHttp(boolean passThroughNonHttp) {
            this.passThroughNonHttp = passThroughNonHttp;
            return this;
        }

        /**
         * The immutable, thread-safe signer.
         *
         * @return a signer with this builder's settings
         * @throws IllegalArgumentException if no key was given
         */
        public WeeklyLinkSigner build() {
            BuilderChecks.requireKeys(keys, "no secret configured");
            return new WeeklyLinkSigner(this);
        }
    }
}
