package dev.imgsign.expiring.link;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.UrlSigner;
import dev.imgsign.core.internal.Unreserved;
import dev.imgsign.core.spi.HmacAlgorithm;
import dev.imgsign.core.spi.HmacKeyRing;
import dev.imgsign.expiring.internal.Ascii;
import dev.imgsign.expiring.internal.Expiry;
import dev.imgsign.expiring.internal.LinkPaths;
import dev.imgsign.expiring.internal.UrlSafeBase64;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Signs generic expiring links, imgsign's recommended scheme:
 * {@code [host]{path}?{params&}expires=<unix>&signature=<b64url>}.
 *
 * <p>The signature is the unpadded URL-safe base64 of HMAC-SHA256 over a length-prefixed canonical
 * string that binds the raw path, every other query parameter (decoded, in order) and the expiry; the
 * module README documents the exact bytes. Parameter names are configurable.
 *
 * <pre>{@code
 * ExpiringLinkSigner signer = ExpiringLinkSigner.builder(KeySet.ofUtf8("secret")).build();
 * String url = signer.sign("/avatar/cat.png", Duration.ofMinutes(10));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ExpiringLinkSigner implements UrlSigner<ExpiringLink> {
    static final int MAX_PARAMS = 32;
    private static final String UPPER_HEX = "0123456789ABCDEF";

    private final HmacKeyRing ring;
    private final Clock clock;
    private final String expiresParam;
    private final String signatureParam;
    private final String host;
    /** The host's bytes when it is Latin-1 (one byte per char), else {@code null}. */
    private final byte[] hostBytes;

    private ExpiringLinkSigner(Builder b) {
        this.ring = HmacKeyRing.of(HmacAlgorithm.SHA256, b.keys);
        this.clock = b.clock;
        this.expiresParam = b.expiresParam;
        this.signatureParam = b.signatureParam;
        this.host = b.host;
        this.hostBytes = b.host.chars().allMatch(c -> c < 0x100) ? b.host.getBytes(StandardCharsets.ISO_8859_1) : null;
    }

    /**
     * A builder signing with {@code keys}; every other setting has a default.
     *
     * @param keys the secrets; only the primary one signs
     * @return a builder
     * @throws IllegalArgumentException if {@code keys} is null
     */
    public static Builder builder(KeySet keys) {
        return new Builder(keys);
    }

    /**
     * The signed URL for {@code link}.
     *
     * @throws IllegalArgumentException if the path is not an absolute, percent-encoded ASCII path, the
     *     expiry is negative, or a parameter is empty-named or uses the expires/signature names
     */
    @Override
    public String sign(ExpiringLink link) {
        if (link == null) {
            throw new IllegalArgumentException("link is null");
        }
        String pathProblem = LinkPaths.pathProblem(link.path());
        if (pathProblem != null) {
            throw new IllegalArgumentException(pathProblem);
        }
        if (link.expiresAt() < 0) {
            throw new IllegalArgumentException("expiry must not be negative, got " + link.expiresAt());
        }
        if (link.params().size() > MAX_PARAMS) {
            throw new IllegalArgumentException("at most " + MAX_PARAMS + " parameters can be signed");
        }
        int count = link.params().size();
        List<byte[]> names = new ArrayList<>(count);
        List<byte[]> values = new ArrayList<>(count);
        // The exact length of the URL with 20 digits for the expiry, so the output never grows.
        int length = host.length() + link.path().length() + 1 + expiresParam.length() + 21
                + signatureParam.length() + 2 + 43;
        for (int i = 0; i < count; i++) {
            ExpiringLink.QueryParam p = link.params().get(i);
            if (p.name().isEmpty()) {
                throw new IllegalArgumentException("parameter name is empty");
            }
            if (p.name().equals(expiresParam) || p.name().equals(signatureParam)) {
                throw new IllegalArgumentException("parameter name '" + p.name() + "' is reserved for the link");
            }
            byte[] name = p.name().getBytes(StandardCharsets.UTF_8);
            byte[] value = p.value().getBytes(StandardCharsets.UTF_8);
            names.add(name);
            values.add(value);
            length += escapedLength(name) + 1 + escapedLength(value) + 1;
        }
        byte[] canonical = CanonicalString.ofAsciiPath(link.path(), names, values, link.expiresAt());
        byte[] mac = ring.sign(canonical);
        if (hostBytes != null) {
            return latin1Output(link.path(), names, values, link.expiresAt(), mac, length);
        }
        StringBuilder url = new StringBuilder(length);
        url.append(host).append(link.path()).append('?');
        for (int i = 0; i < count; i++) {
            Unreserved.escape(names.get(i), url);
            url.append('=');
            Unreserved.escape(values.get(i), url);
            url.append('&');
        }
        url.append(expiresParam).append('=').append(link.expiresAt())
                .append('&').append(signatureParam).append('=');
        UrlSafeBase64.append(mac, 0, mac.length, url);
        return url.toString();
    }

    /** The signed URL in one array with block copies, for a Latin-1 host (every real one). */
    private String latin1Output(String path, List<byte[]> names, List<byte[]> values, long expiresAt, byte[] mac,
            int lengthWithoutExpiry) {
        byte[] out = new byte[lengthWithoutExpiry - 20 + Ascii.digits(expiresAt)];
        System.arraycopy(hostBytes, 0, out, 0, hostBytes.length);
        int o = hostBytes.length;
        Ascii.copyLatin1(path, 0, path.length(), out, o);
        o += path.length();
        out[o++] = '?';
        for (int i = 0; i < names.size(); i++) {
            o = escape(names.get(i), out, o);
            out[o++] = '=';
            o = escape(values.get(i), out, o);
            out[o++] = '&';
        }
        Ascii.copyLatin1(expiresParam, 0, expiresParam.length(), out, o);
        o += expiresParam.length();
        out[o++] = '=';
        o = Ascii.decimal(expiresAt, out, o);
        out[o++] = '&';
        Ascii.copyLatin1(signatureParam, 0, signatureParam.length(), out, o);
        o += signatureParam.length();
        out[o++] = '=';
        UrlSafeBase64.encode(mac, 0, mac.length, out, o);
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /** {@link Unreserved#escape(byte[], StringBuilder)} into an array; returns the end offset. */
    private static int escape(byte[] bytes, byte[] out, int offset) {
        int o = offset;
        for (byte value : bytes) {
            int b = value & 0xff;
            if (b < 0x80 && Unreserved.is((char) b)) {
                out[o++] = value;
            } else {
                out[o++] = '%';
                out[o++] = (byte) UPPER_HEX.charAt(b >> 4);
                out[o++] = (byte) UPPER_HEX.charAt(b & 0xf);
            }
        }
        return o;
    }

    /** The length of {@link Unreserved#escape(byte[], StringBuilder)}'s output for {@code bytes}. */
    private static int escapedLength(byte[] bytes) {
        int n = 0;
        for (byte b : bytes) {
            n += b >= 0 && Unreserved.is((char) b) ? 1 : 3;
        }
        return n;
    }

    /**
     * The signed URL for {@code path}, valid from now (the clock) for {@code validity}.
     *
     * @param path the percent-encoded ASCII path, starting with {@code /}
     * @param validity how long the link stays valid from now, not negative
     * @return the signed URL, the host prepended
     * @throws IllegalArgumentException if {@code validity} is negative or the path cannot be signed (see {@link #sign(ExpiringLink)})
     */
    public String sign(String path, Duration validity) {
        return sign(ExpiringLink.of(path, Expiry.after(clock, validity)));
    }

    @Override
    public String toString() {
        return "ExpiringLinkSigner[" + expiresParam + ", " + signatureParam + ", keys redacted]";
    }

    /** Settings of an {@link ExpiringLinkSigner}: the shared expiring-link settings; only the keys are required. */
    public static final class Builder extends ExpiringSettings<Builder> {
        private Builder(KeySet keys) {
            super(keys);
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * The immutable, thread-safe signer.
         *
         * @return a signer with this builder's settings
         * @throws IllegalArgumentException if both parameter names are equal
         */
        public ExpiringLinkSigner build() {
            checkParamNames();
            return new ExpiringLinkSigner(this);
        }
    }
}
