package dev.imgsign.expiring.link;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.UrlSigner;
import dev.imgsign.core.internal.Unreserved;
import dev.imgsign.core.spi.HmacAlgorithm;
import dev.imgsign.core.spi.HmacKeyRing;
import dev.imgsign.expiring.internal.Ascii;
import dev.imgsign.expiring.internal.Expiry;
import dev.imgsign.expiring.internal.LinkPaths;
import dev.imgsign.core.internal.UrlSafeBase64;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
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
    /** The unpadded base64 of a 32-byte HMAC-SHA256. */
    private static final int SIGNATURE_CHARS = 43;

    private final HmacKeyRing ring;
    private final Clock clock;
    private final String expiresParam;
    private final String signatureParam;
    private final String host;
    /** {@code expires=} with the configured name (unreserved ASCII). */
    private final byte[] expiresLead;
    /** {@code &signature=} with the configured name (unreserved ASCII). */
    private final byte[] signatureLead;

    private ExpiringLinkSigner(Builder b) {
        this.ring = HmacKeyRing.of(HmacAlgorithm.SHA256, b.keys);
        this.clock = b.clock;
        this.expiresParam = b.expiresParam;
        this.signatureParam = b.signatureParam;
        this.host = b.host;
        this.expiresLead = (b.expiresParam + "=").getBytes(StandardCharsets.US_ASCII);
        this.signatureLead = ("&" + b.signatureParam + "=").getBytes(StandardCharsets.US_ASCII);
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
        byte[] path = LinkPaths.signableBytes(link.path());
        if (path == null) {
            throw new IllegalArgumentException(LinkPaths.pathProblem(link.path()));
        }
        long expiresAt = link.expiresAt();
        if (expiresAt < 0) {
            throw new IllegalArgumentException("expiry must not be negative, got " + expiresAt);
        }
        List<ExpiringLink.QueryParam> params = link.params();
        int count = params.size();
        if (count > MAX_PARAMS) {
            throw new IllegalArgumentException("at most " + MAX_PARAMS + " parameters can be signed");
        }
        String url = signUnreserved(link.path(), path, params, expiresAt);
        if (url != null) {
            return url;
        }
        // Part 2k is parameter k's name, 2k+1 its value. A part of unreserved ASCII characters is its own
        // UTF-8 and its own escaping, copied as chars; the others are encoded here.
        byte[][] encoded = null;
        int canonicalLength = CanonicalString.fixedLength(path.length, count, expiresAt);
        int queryLength = 1;
        for (int k = 0; k < count; k++) {
            ExpiringLink.QueryParam p = params.get(k);
            String name = p.name();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("parameter name is empty");
            }
            if (name.equals(expiresParam) || name.equals(signatureParam)) {
                throw new IllegalArgumentException("parameter name '" + name + "' is reserved for the link");
            }
            for (int part = 2 * k; part <= 2 * k + 1; part++) {
                String text = part == 2 * k ? name : p.value();
                int length = text.length();
                int escaped = length;
                if (!Ascii.isUnreserved(text)) {
                    if (encoded == null) {
                        encoded = new byte[2 * count][];
                    }
                    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                    encoded[part] = utf8;
                    length = utf8.length;
                    escaped = Unreserved.escapedLength(utf8);
                }
                canonicalLength += Ascii.digits(length) + 1 + length;
                queryLength += escaped + 1;
            }
            canonicalLength++;
        }
        byte[] canonical = CanonicalString.ofParams(path, params, encoded, expiresAt, canonicalLength);
        return url(link.path(), query(params, encoded, queryLength), expiresAt, canonical);
    }

    /**
     * The signed URL when every parameter's name and value is unreserved ASCII (the common link): the
     * canonical bytes and the query written in one pass per part, the query straight into the URL's tail;
     * {@code null} for anything else (a part that needs encoding, or a name the general path refuses), which
     * the general path answers.
     */
    private String signUnreserved(String pathText, byte[] path, List<ExpiringLink.QueryParam> params, long expiresAt) {
        int count = params.size();
        int canonicalLength = CanonicalString.fixedLength(path.length, count, expiresAt);
        int queryLength = 1;
        for (int k = 0; k < count; k++) {
            ExpiringLink.QueryParam p = params.get(k);
            String name = p.name();
            if (name.isEmpty() || name.equals(expiresParam) || name.equals(signatureParam)) {
                return null;
            }
            int value = p.value().length();
            canonicalLength += Ascii.digits(name.length()) + 1 + name.length() + Ascii.digits(value) + 1 + value + 1;
            queryLength += name.length() + value + 2;
        }
        byte[] tail = new byte[tailLength(queryLength, expiresAt)];
        byte[] canonical = CanonicalString.ofUnreservedParams(path, params, expiresAt, canonicalLength, tail, 0);
        if (canonical == null) {
            return null;
        }
        return finish(pathText, tail, queryLength, canonical);
    }

    /** The URL for the general path: {@code query} is the escaped {@code ?name=value&...}. */
    private String url(String pathText, byte[] query, long expiresAt, byte[] canonical) {
        byte[] tail = new byte[tailLength(query.length, expiresAt)];
        System.arraycopy(query, 0, tail, 0, query.length);
        return finish(pathText, tail, query.length, canonical);
    }

    /** The length of the URL from the query on. */
    private int tailLength(int queryLength, long expiresAt) {
        return queryLength + expiresLead.length + Ascii.digits(expiresAt) + signatureLead.length + SIGNATURE_CHARS;
    }

    /**
     * Writes expires (the canonical bytes end with its digits) and the signature of {@code canonical} after
     * the query in {@code tail}; the URL, one concatenation that writes the host, the (checked, ASCII) path
     * and the tail into the string's own array.
     */
    private String finish(String pathText, byte[] tail, int queryLength, byte[] canonical) {
        int o = queryLength;
        System.arraycopy(expiresLead, 0, tail, o, expiresLead.length);
        o += expiresLead.length;
        int digits = tail.length - SIGNATURE_CHARS - signatureLead.length - o;
        System.arraycopy(canonical, canonical.length - digits, tail, o, digits);
        o += digits;
        System.arraycopy(signatureLead, 0, tail, o, signatureLead.length);
        o += signatureLead.length;
        byte[] mac = ring.sign(canonical);
        UrlSafeBase64.encode(mac, 0, mac.length, tail, o);
        return host + pathText + new String(tail, StandardCharsets.ISO_8859_1);
    }

    /** {@code ?} and every parameter escaped as {@code name=value&}, {@code queryLength} bytes. */
    private static byte[] query(List<ExpiringLink.QueryParam> params, byte[][] encoded, int queryLength) {
        byte[] out = new byte[queryLength];
        out[0] = '?';
        int o = 1;
        for (int k = 0; k < params.size(); k++) {
            ExpiringLink.QueryParam p = params.get(k);
            o = escape(p.name(), encoded == null ? null : encoded[2 * k], out, o);
            out[o++] = '=';
            o = escape(p.value(), encoded == null ? null : encoded[2 * k + 1], out, o);
            out[o++] = '&';
        }
        return out;
    }

    /** {@code text} as is when {@code utf8} is null (unreserved ASCII), else {@code utf8} escaped; the end offset. */
    private static int escape(String text, byte[] utf8, byte[] out, int offset) {
        if (utf8 == null) {
            Ascii.copyLatin1(text, 0, text.length(), out, offset);
            return offset + text.length();
        }
        return Unreserved.escape(utf8, out, offset);
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
