package dev.imgsign.expiring.link;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.ProxyRequest;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.UrlVerifier;
import dev.imgsign.core.Verification;
import dev.imgsign.core.internal.Percent;
import dev.imgsign.core.internal.Settings;
import dev.imgsign.core.internal.SignedUrls;
import dev.imgsign.core.spi.HmacAlgorithm;
import dev.imgsign.core.spi.HmacKeyRing;
import dev.imgsign.expiring.internal.Expiry;
import dev.imgsign.expiring.internal.LinkPaths;
import dev.imgsign.expiring.internal.LinkSettings;
import dev.imgsign.expiring.internal.QueryPairs;
import dev.imgsign.core.internal.UrlSafeBase64;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Verifies links made by {@link ExpiringLinkSigner}.
 *
 * <p>Answers: 400 ({@link Rejection#MALFORMED}) when the expires or signature parameter is missing,
 * repeated or not canonical (expires must be decimal digits without sign or leading zero), or the
 * target is not a well-formed path and query (a raw control character, 0x00-0x1F or 0x7F, or a raw
 * space anywhere is malformed); 403 ({@link Rejection#BAD_SIGNATURE}) when no key
 * produced the signature; then {@link Rejection#EXPIRED} with the configured status (410 unless set;
 * 404 as seed 001) when the clock is past {@code expires + leeway}. An instant equal to the end of
 * validity is still valid. Every query parameter other than expires and signature is signed; their
 * order matters.
 *
 * <p>Given the signer's {@link Builder#host(String) host}, it also accepts exactly what the signer
 * returned: the host is removed when the input starts with it, byte for byte, followed by {@code /} or
 * {@code ?}; a request target starting with {@code /} works as before.
 *
 * <p>Immutable and thread-safe; never throws; work is linear in the (bounded) input.
 *
 * @since 0.1.0
 */
public final class ExpiringLinkVerifier implements UrlVerifier<ExpiringLink> {
    private static final int SIGNATURE_CHARS = 43;
    private static final String B64URL_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final HmacKeyRing ring;
    private final Clock clock;
    private final String expiresParam;
    private final String signatureParam;
    private final byte[] expiresName;
    private final byte[] signatureName;
    private final long leewaySeconds;
    private final int expiredStatus;
    private final int maxLength;
    private final String host;

    private ExpiringLinkVerifier(Builder b) {
        this.ring = HmacKeyRing.of(HmacAlgorithm.SHA256, b.keys);
        this.clock = b.clock;
        this.expiresParam = b.expiresParam;
        this.signatureParam = b.signatureParam;
        this.expiresName = b.expiresParam.getBytes(StandardCharsets.US_ASCII);
        this.signatureName = b.signatureParam.getBytes(StandardCharsets.US_ASCII);
        this.leewaySeconds = b.leewaySeconds;
        this.expiredStatus = b.expiredStatus;
        this.maxLength = b.maxLength;
        this.host = b.host;
    }

    /**
     * A builder accepting links signed with {@code keys}; every other setting has a default.
     *
     * @param keys the secrets accepted, each tried in order (one HMAC-SHA256 each)
     * @return a builder
     * @throws IllegalArgumentException if {@code keys} is null
     */
    public static Builder builder(KeySet keys) {
        return new Builder(keys);
    }

    @Override
    public Verification<ExpiringLink> verify(ProxyRequest request) {
        String requestTarget = LinkSettings.target(request, host);
        int q = LinkSettings.queryStart(request, requestTarget);
        Verification<ExpiringLink> plain = q > 0 && requestTarget.length() <= maxLength
                ? verifyPlain(requestTarget, q) : null;
        if (plain != null) {
            return plain;
        }
        Verification<ExpiringLink> unreadable = SignedUrls.refuseUnreadable(requestTarget, maxLength);
        if (unreadable != null) {
            return unreadable;
        }
        if (q < 0) {
            return malformed("missing " + expiresParam + " and " + signatureParam + " parameters");
        }
        String path = requestTarget.substring(0, q);
        if (path.isEmpty() || path.charAt(0) != '/') {
            return malformed(SignedUrls.notARequestTarget("host"));
        }
        if (LinkPaths.pathProblem(path) != null) {
            return malformed("path is not an absolute percent-encoded path");
        }
        List<byte[]> names = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        byte[] expires = null;
        byte[] signature = null;
        int start = q + 1;
        int end = requestTarget.length();
        while (start <= end) {
            int stop = QueryPairs.pairEnd(requestTarget, start, end);
            if (stop == start) {
                return malformed("empty query parameter");
            }
            int nameEnd = QueryPairs.nameEnd(requestTarget, start, stop);
            byte[] name = QueryPairs.decode(requestTarget, start, nameEnd);
            byte[] value = QueryPairs.decode(requestTarget, QueryPairs.valueStart(nameEnd, stop), stop);
            if (name == null || value == null || QueryPairs.contains(requestTarget, '#', start, stop)) {
                return malformed("bad percent-encoding in the query");
            }
            if (!isUtf8(name) || !isUtf8(value)) {
                return malformed("query parameter is not UTF-8");
            }
            // The names are unreserved ASCII, so byte equality is equality of the decoded texts.
            if (Arrays.equals(name, expiresName)) {
                if (expires != null) {
                    return malformed("repeated " + expiresParam + " parameter");
                }
                expires = value;
            } else if (Arrays.equals(name, signatureName)) {
                if (signature != null) {
                    return malformed("repeated " + signatureParam + " parameter");
                }
                signature = value;
            } else {
                if (names.size() == ExpiringLinkSigner.MAX_PARAMS) {
                    return malformed("too many query parameters");
                }
                names.add(name);
                values.add(value);
            }
            start = stop + 1;
        }
        if (expires == null || signature == null) {
            return malformed("missing " + (expires == null ? expiresParam : signatureParam) + " parameter");
        }
        long expiresAt = parseCanonicalSeconds(expires);
        if (expiresAt < 0) {
            return malformed(expiresParam + " is not a canonical non-negative integer");
        }
        byte[] candidate = decodeSignature(signature);
        if (candidate == null) {
            return Verification.rejected(Rejection.BAD_SIGNATURE, "signature is not 43 URL-safe base64 characters");
        }
        byte[] canonical = CanonicalString.ofAsciiPath(path, names, values, expiresAt);
        int keyIndex = ring.match(canonical, candidate);
        if (keyIndex == HmacKeyRing.NO_MATCH) {
            return Verification.rejected(Rejection.BAD_SIGNATURE, "signature does not match");
        }
        if (Expiry.isAfter(clock.instant(), Expiry.saturatedAdd(expiresAt, leewaySeconds))) {
            return Verification.rejected(Rejection.EXPIRED, "link expired", expiredStatus);
        }
        List<ExpiringLink.QueryParam> params = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            params.add(new ExpiringLink.QueryParam(
                    new String(names.get(i), StandardCharsets.UTF_8), new String(values.get(i), StandardCharsets.UTF_8)));
        }
        return Verification.accepted(new ExpiringLink(path, params, expiresAt), ring.keys(), keyIndex);
    }

    /**
     * The answer for the common target, all ASCII, whose query needs no decoding (no {@code %}, {@code +} or
     * {@code #}), with canonical {@code expires} and signature, checked in one pass over its bytes; or
     * {@code null} for anything else, which the general code below answers (also where it rejects). Equal
     * to that code wherever it answers (ExpiringFastPathTest).
     */
    private Verification<ExpiringLink> verifyPlain(String target, int q) {
        // The caller checked the length limit; the byte classes below exclude control characters and space.
        if (q > LinkPaths.MAX_PATH_LENGTH) {
            return null;
        }
        byte[] t = target.getBytes(StandardCharsets.UTF_8);
        int end = t.length;
        if (end != target.length() || t[0] != '/') {
            return null; // not ASCII, or not a path
        }
        if (!LinkPaths.isPath(t, 1, q) || !LinkPaths.escapesAreHex(target, 1, q)) {
            return null;
        }
        // bounds[4k..4k+3]: name start, name end, value start, value end of the k-th other parameter.
        int[] bounds = new int[16];
        int count = 0;
        int expiresFrom = -1;
        int expiresTo = -1;
        int signatureFrom = -1;
        // Pairs end at '&' and names at their first '=', both found with the JDK's indexOf (fast on Latin-1):
        // the bytes of other parameters are checked by table below; the expires and signature values are
        // checked by parsing them (digits, alphabet), which admit only query characters.
        int start = q + 1;
        int eq = target.indexOf('=', start);
        while (start <= end) {
            int stop = target.indexOf('&', start);
            if (stop < 0) {
                stop = end;
            }
            if (stop == start) {
                return null;
            }
            if (eq >= 0 && eq < start) {
                eq = target.indexOf('=', start);
            }
            int nameEnd = eq >= 0 && eq < stop ? eq : stop;
            int valueStart = nameEnd == stop ? stop : nameEnd + 1;
            if (PlainTarget.equals(t, start, nameEnd, expiresName)) {
                if (expiresFrom >= 0) {
                    return null;
                }
                expiresFrom = valueStart;
                expiresTo = stop;
            } else if (PlainTarget.equals(t, start, nameEnd, signatureName)) {
                if (signatureFrom >= 0 || stop - valueStart != SIGNATURE_CHARS) {
                    return null;
                }
                signatureFrom = valueStart;
            } else {
                if (count == ExpiringLinkSigner.MAX_PARAMS || !PlainTarget.isPlainPair(t, start, nameEnd, stop)) {
                    return null;
                }
                if (4 * count == bounds.length) {
                    bounds = Arrays.copyOf(bounds, 2 * bounds.length);
                }
                bounds[4 * count] = start;
                bounds[4 * count + 1] = nameEnd;
                bounds[4 * count + 2] = valueStart;
                bounds[4 * count + 3] = stop;
                count++;
            }
            start = stop + 1;
        }
        if (expiresFrom < 0 || signatureFrom < 0) {
            return null;
        }
        long expiresAt = PlainTarget.canonicalSeconds(t, expiresFrom, expiresTo);
        int signatureTo = signatureFrom + SIGNATURE_CHARS;
        if (expiresAt < 0 || (UrlSafeBase64.value(t[signatureTo - 1]) & 3) != 0) {
            return null;
        }
        byte[] candidate = UrlSafeBase64.decodeAlphabetOrNull(t, signatureFrom, signatureTo);
        if (candidate == null) {
            return null;
        }
        // The parameters are read before the target's bytes are overwritten by the canonical string.
        ExpiringLink.QueryParam[] params = new ExpiringLink.QueryParam[count];
        for (int k = 0; k < count; k++) {
            int b = 4 * k;
            params[k] = new ExpiringLink.QueryParam(
                    new String(t, bounds[b], bounds[b + 1] - bounds[b], StandardCharsets.ISO_8859_1),
                    new String(t, bounds[b + 2], bounds[b + 3] - bounds[b + 2], StandardCharsets.ISO_8859_1));
        }
        int length = CanonicalString.plainLength(q, bounds, count, expiresAt);
        byte[] canonical = length <= t.length
                ? CanonicalString.overPlainTarget(t, q, params, expiresAt)
                : CanonicalString.ofPlainTarget(t, q, bounds, count, expiresAt);
        int keyIndex = ring.match(canonical, 0, length, candidate);
        if (keyIndex == HmacKeyRing.NO_MATCH) {
            return Verification.rejected(Rejection.BAD_SIGNATURE, "signature does not match");
        }
        if (Expiry.isAfter(clock.instant(), Expiry.saturatedAdd(expiresAt, leewaySeconds))) {
            return Verification.rejected(Rejection.EXPIRED, "link expired", expiredStatus);
        }
        return Verification.accepted(new ExpiringLink(target.substring(0, q), List.of(params), expiresAt),
                ring.keys(), keyIndex);
    }

    /** Decimal digits, no sign, no leading zero (except "0"), fitting a long; else -1. */
    static long parseCanonicalSeconds(String s) {
        if (s.isEmpty() || s.length() > 18 || (s.length() > 1 && s.charAt(0) == '0')) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * {@link #parseCanonicalSeconds(String)} of valid UTF-8 {@code bytes}: any non-ASCII byte is a
     * non-digit, and for ASCII the bytes are the characters.
     */
    static long parseCanonicalSeconds(byte[] s) {
        if (s.length == 0 || s.length > 18 || (s.length > 1 && s[0] == '0')) {
            return -1;
        }
        long value = 0;
        for (byte c : s) {
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Whether {@code bytes} are valid UTF-8: ASCII at once, anything else through the strict decoder. */
    static boolean isUtf8(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return Percent.utf8OrNull(bytes) != null;
            }
        }
        return true;
    }

    /**
     * {@link #decodeSignature(String)} of the valid UTF-8 {@code signature}: 43 alphabet bytes are
     * decoded by table; anything else (padding, other bytes) takes the reference.
     */
    static byte[] decodeSignature(byte[] signature) {
        byte[] decoded = signature.length == SIGNATURE_CHARS
                ? UrlSafeBase64.decodeAlphabetOrNull(signature, 0, SIGNATURE_CHARS) : null;
        if (decoded != null) {
            return (UrlSafeBase64.value(signature[SIGNATURE_CHARS - 1]) & 3) == 0 ? decoded : null;
        }
        return decodeSignature(new String(signature, StandardCharsets.UTF_8));
    }

    static byte[] decodeSignature(String signature) {
        if (signature.length() != SIGNATURE_CHARS) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return null;
        }
        // The last character carries 2 unused bits; the decoder ignores them, so insist they are zero
        // (one text per signature, no malleable variants).
        return (B64URL_ALPHABET.indexOf(signature.charAt(SIGNATURE_CHARS - 1)) & 3) == 0
                ? bytes : null;
    }

    private static Verification<ExpiringLink> malformed(String detail) {
        return Verification.rejected(Rejection.MALFORMED, detail);
    }

    @Override
    public String toString() {
        return "ExpiringLinkVerifier[" + expiresParam + ", " + signatureParam + ", leeway=" + leewaySeconds
                + "s, expiredStatus=" + expiredStatus + ", keys redacted]";
    }

    /**
     * Settings of an {@link ExpiringLinkVerifier}: the shared expiring-link settings plus the leeway, the
     * expired status and the length limit. Only the keys are required.
     */
    public static final class Builder extends ExpiringSettings<Builder> {
        long leewaySeconds;
        int expiredStatus = 410;
        int maxLength = 4096;

        private Builder(KeySet keys) {
            super(keys);
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * Seconds a link stays valid after its expiry, for clock skew; 0 unless set, at most one day.
         *
         * @param seconds the grace period, 0 to 86400
         * @return this builder
         * @throws IllegalArgumentException if {@code seconds} is outside 0..86400
         */
        public Builder leewaySeconds(long seconds) {
            Settings.check(seconds >= 0 && seconds <= 86_400, "leewaySeconds", "must be 0..86400, got " + seconds);
            this.leewaySeconds = seconds;
            return this;
        }

        /**
         * The status answered for an expired link: 410 unless set (seed 001's server answers 404).
         *
         * @param status a 4xx status
         * @return this builder
         * @throws IllegalArgumentException if {@code status} is not a 4xx status
         */
        public Builder expiredStatus(int status) {
            this.expiredStatus = LinkSettings.expiredStatus(status);
            return this;
        }

        /**
         * The longest request target examined; longer ones are TOO_LONG. Default 4096.
         *
         * @param maxLength the limit in characters, at least 64
         * @return this builder
         * @throws IllegalArgumentException if {@code maxLength} is below 64
         */
        public Builder maxLength(int maxLength) {
            this.maxLength = LinkSettings.maxLength(maxLength, 64);
            return this;
        }

        /**
         * The immutable, thread-safe verifier.
         *
         * @return a verifier with this builder's settings
         * @throws IllegalArgumentException if both parameter names are equal
         */
        public ExpiringLinkVerifier build() {
            checkParamNames();
            return new ExpiringLinkVerifier(this);
        }
    }
}
