package dev.imgsign.expiring.weekly;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.UrlSigner;
import dev.imgsign.core.internal.Settings;
import dev.imgsign.expiring.internal.Ascii;
import dev.imgsign.core.internal.UrlSafeBase64;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

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
 * WeeklyLinkSigner signer = WeeklyLinkSigner.builder(KeySet.ofUtf8("1234")).build();
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
        this.weekKeys = b.weekKeys();
        this.clock = b.clock;
        this.protocol = b.protocol;
        this.proxyInMessage = b.proxyInMessage;
        this.host = b.host;
        this.hostBytes = b.host.chars().allMatch(c -> c < 0x100) ? b.host.getBytes(StandardCharsets.ISO_8859_1) : null;
        this.staticServer = b.staticServer;
        this.passThroughNonHttp = b.passThroughNonHttp;
    }

    /**
     * A builder signing with {@code keys}; every other setting has a default.
     *
     * @param keys the secrets ({@code IMAGE_CACHE_SECRET} / {@code SIG_SECRET}); only the primary one signs
     * @return a builder
     * @throws IllegalArgumentException if {@code keys} is null
     */
    public static Builder builder(KeySet keys) {
        return new Builder(keys);
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
        int sizeLength = full ? 4 : (height == 0 ? 0 : Ascii.digits(height)) + 1
                + (width == 0 ? 0 : Ascii.digits(width));
        int extLength = extTo - extFrom;
        byte[] out = new byte[hostBytes.length + 1 + bucket.length() + 1 + sizeLength + 1
                + WeeklyMessages.SIGNATURE_CHARS + 1 + extLength + (link.proxy() ? 6 : 0)];
        System.arraycopy(hostBytes, 0, out, 0, hostBytes.length);
        int o = hostBytes.length;
        out[o++] = '/';
        Ascii.copyLatin1(bucket, 0, bucket.length(), out, o);
        o += bucket.length();
        out[o++] = '/';
        if (full) {
            Ascii.copyLatin1("full", 0, 4, out, o);
            o += 4;
        } else {
            o = height == 0 ? o : Ascii.decimal(height, out, o);
            out[o++] = 'x';
            o = width == 0 ? o : Ascii.decimal(width, out, o);
        }
        out[o++] = '/';
        o = UrlSafeBase64.encode(mac, 0, WeeklyMessages.SIGNATURE_BYTES, out, o);
        out[o++] = '/';
        System.arraycopy(message, extFrom, out, o, extLength);
        o += extLength;
        if (link.proxy()) {
            Ascii.copyLatin1("/proxy", 0, 6, out, o);
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

    /**
     * Settings of a {@link WeeklyLinkSigner}: the shared weekly settings plus the static server and the
     * pass-through of non-http URLs. Everything but the keys has a default.
     */
    public static final class Builder extends WeeklySettings<Builder> {
        private String staticServer = "";
        boolean passThroughNonHttp = true;

        private Builder(KeySet keys) {
            super(keys);
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * URLs starting with this prefix (Gazelle's {@code STATIC_SERVER}) are returned unchanged.
         *
         * @param prefix the static server's URL prefix; empty (the default) matches nothing
         * @return this builder
         * @throws IllegalArgumentException if {@code prefix} is null
         */
        public Builder staticServer(String prefix) {
            this.staticServer = Settings.required(prefix, "staticServer");
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
         */
        public WeeklyLinkSigner build() {
            return new WeeklyLinkSigner(this);
        }
    }
}
