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

    private final HmacKeyRing ring;
    private final Clock clock;
    private final String expiresParam;
    private final String signatureParam;
    private final String host;
    /** {@code expires=} with the configured name. */
    private final String expiresLead;
    /** {@code &signature=} with the configured name. */
    private final String signatureLead;

    private ExpiringLinkSigner(Builder b) {
        this.ring = HmacKeyRing.of(HmacAlgorithm.SHA256, b.keys);
        this.clock = b.clock;
        this.expiresParam = b.expiresParam;
        this.signatureParam = b.signatureParam;
        this.host = b.host;
        this.expiresLead = b.expiresParam + "=";
        this.signatureLead = "&" + b.signatureParam + "=";
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
        String path = link.path();
        String pathProblem = LinkPaths.pathProblem(path);
        if (pathProblem != null) {
            throw new IllegalArgumentException(pathProblem);
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
        String url = signUnreserved(path, params, expiresAt);
        if (url != null) {
            return url;
        }
        // Part 2k is parameter k's name, 2k+1 its value. A part of unreserved ASCII characters is its own
        // UTF-8 and its own escaping, copied as chars; the others are encoded here.
        byte[][] encoded = null;
        int canonicalLength = CanonicalString.fixedLength(path.length(), count, expiresAt);
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
        return url(path, query(params, encoded, queryLength), expiresAt, ring.sign(canonical));
    }

    /**
     * The signed URL when every parameter's name and value is unreserved ASCII (the common link): both the
     * canonical bytes and the query written in one pass per part; {@code null} for anything else (a part
     * that needs encoding, or a name the general path refuses), which the general path answers.
     */
    private String signUnreserved(String path, List<ExpiringLink.QueryParam> params, long expiresAt) {
        int count = params.size();
        int canonicalLength = CanonicalString.fixedLength(path.length(), count, expiresAt);
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
        if (count == 0) {
            return url(path, "?", expiresAt, ring.sign(CanonicalString.ofParams(path, params, null, expiresAt,
                    canonicalLength)));
        }
        byte[] query = new byte[queryLength];
        byte[] canonical = CanonicalString.ofUnreservedParams(path, params, expiresAt, canonicalLength, query);
        if (canonical == null) {
            return null;
        }
        return url(path, new String(query, StandardCharsets.ISO_8859_1), expiresAt, ring.sign(canonical));
    }

    /** The URL: one concatenation writes it into the string's own array (no builder, no second copy). */
    private String url(String path, String query, long expiresAt, byte[] mac) {
        byte[] signature = new byte[UrlSafeBase64.encodedLength(mac.length)];
        UrlSafeBase64.encode(mac, 0, mac.length, signature, 0);
        return host + path + query + expiresLead + expiresAt + signatureLead
                + new String(signature, StandardCharsets.ISO_8859_1);
    }

    /** {@code ?} and every parameter escaped as {@code name=value&}, {@code queryLength} characters. */
    private static String query(List<ExpiringLink.QueryParam> params, byte[][] encoded, int queryLength) {
        if (params.isEmpty()) {
            return "?";
        }
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
        return new String(out, StandardCharsets.ISO_8859_1);
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
