package dev.imgsign.expiring.link;

import dev.imgsign.core.internal.SignedUrls;
import dev.imgsign.core.spi.HmacAlgorithm;
import dev.imgsign.core.spi.HmacKeyRing;
import dev.imgsign.core.KeySet;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.UrlVerifier;
import dev.imgsign.core.Verification;
import dev.imgsign.core.internal.Percent;
import dev.imgsign.expiring.internal.LinkSettings;
import dev.imgsign.expiring.internal.QueryPairs;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * {@link ExpiringLinkVerifier} as it was before its byte-level rewrite (names and values as strings,
 * the JDK's base64 decoder, the stream-built canonical string): the reference the differential
 * property compares the fast verifier with. Not to be changed except to follow a deliberate change
 * of behaviour.
 */
final class ExpiringLinkVerifierReference implements UrlVerifier<ExpiringLink> {
    private static final int SIGNATURE_CHARS = 43;
    private static final String B64URL_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final HmacKeyRing ring;
    private final Clock clock;
    private final String expiresParam;
    private final String signatureParam;
    private final long leewaySeconds;
    private final int expiredStatus;
    private final int maxLength;

    private ExpiringLinkVerifierReference(Builder b) {
        this.ring = HmacKeyRing.of(HmacAlgorithm.SHA256, b.keys);
        this.clock = b.clock;
        this.expiresParam = b.expiresParam;
        this.signatureParam = b.signatureParam;
        this.leewaySeconds = b.leewaySeconds;
        this.expiredStatus = b.expiredStatus;
        this.maxLength = b.maxLength;
    }

    /** A builder; a key is required, every other setting has a default. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Verification<ExpiringLink> verify(dev.imgsign.core.ProxyRequest request) {
        return verify(request.target());
    }

    @Override
    public Verification<ExpiringLink> verify(String requestTarget) {
        if (requestTarget == null) {
            return malformed("no request target");
        }
        Verification<ExpiringLink> unreadable = SignedUrls.refuseUnreadable(requestTarget, maxLength);
        if (unreadable != null) {
            return unreadable;
        }
        int q = requestTarget.indexOf('?');
        if (q < 0) {
            return malformed("missing " + expiresParam + " and " + signatureParam + " parameters");
        }
        String path = requestTarget.substring(0, q);
        if (path.isEmpty() || path.charAt(0) != '/') {
            return malformed(dev.imgsign.core.internal.SignedUrls.notARequestTarget("host"));
        }
        if (ExpiringFastPathTest.referencePathProblem(path) != null) {
            return malformed("path is not an absolute percent-encoded path");
        }
        List<byte[]> names = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        String expires = null;
        String signature = null;
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
            String nameText = Percent.utf8OrNull(name);
            if (nameText == null || Percent.utf8OrNull(value) == null) {
                return malformed("query parameter is not UTF-8");
            }
            if (nameText.equals(expiresParam)) {
                if (expires != null) {
                    return malformed("repeated " + expiresParam + " parameter");
                }
                expires = new String(value, StandardCharsets.UTF_8);
            } else if (nameText.equals(signatureParam)) {
                if (signature != null) {
                    return malformed("repeated " + signatureParam + " parameter");
                }
                signature = new String(value, StandardCharsets.UTF_8);
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
        byte[] canonical = CanonicalStringReference.of(path.getBytes(StandardCharsets.US_ASCII), names, values, expiresAt);
        int keyIndex = ring.match(canonical, candidate);
        if (keyIndex == HmacKeyRing.NO_MATCH) {
            return Verification.rejected(Rejection.BAD_SIGNATURE, "signature does not match");
        }
        if (isAfter(clock.instant(), saturatedAdd(expiresAt, leewaySeconds))) {
            return Verification.rejected(Rejection.EXPIRED, "link expired", expiredStatus);
        }
        List<ExpiringLink.QueryParam> params = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            params.add(new ExpiringLink.QueryParam(
                    new String(names.get(i), StandardCharsets.UTF_8), new String(values.get(i), StandardCharsets.UTF_8)));
        }
        return Verification.accepted(new ExpiringLink(path, params, expiresAt), ring.keys(), keyIndex);
    }

    /** Whether {@code now} is strictly after the whole second {@code epochSecond}. */
    static boolean isAfter(Instant now, long epochSecond) {
        return now.getEpochSecond() > epochSecond || (now.getEpochSecond() == epochSecond && now.getNano() > 0);
    }

    static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
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

    private static byte[] decodeSignature(String signature) {
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

    /** Settings of an {@link ExpiringLinkVerifier}. A key is required. */
    public static final class Builder {
        private KeySet keys;
        private Clock clock = Clock.systemUTC();
        private String expiresParam = "expires";
        private String signatureParam = "signature";
        private long leewaySeconds;
        private int expiredStatus = 410;
        private int maxLength = 4096;

        private Builder() {
        }

        /** The keys, each tried in order. */
        public Builder keys(KeySet keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        /** Where the current instant comes from. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The expiry parameter's name; {@code expires} unless set. */
        public Builder expiresParam(String name) {
            this.expiresParam = ParamNames.check(name, "expiresParam");
            return this;
        }

        /** The signature parameter's name; {@code signature} unless set. */
        public Builder signatureParam(String name) {
            this.signatureParam = ParamNames.check(name, "signatureParam");
            return this;
        }

        /** Seconds a link stays valid after its expiry, for clock skew; 0 unless set, at most one day. */
        public Builder leewaySeconds(long seconds) {
            if (seconds < 0 || seconds > 86_400) {
                throw new IllegalArgumentException("leeway must be 0..86400 seconds, got " + seconds);
            }
            this.leewaySeconds = seconds;
            return this;
        }

        /** The status answered for an expired link: 410 unless set (seed 001's server answers 404). */
        public Builder expiredStatus(int status) {
            this.expiredStatus = LinkSettings.expiredStatus(status);
            return this;
        }

        /** The longest request target examined; longer ones are TOO_LONG. Default 4096. */
        public Builder maxLength(int maxLength) {
            this.maxLength = LinkSettings.maxLength(maxLength, 64);
            return this;
        }

        /** @throws IllegalArgumentException if no key was given or both parameter names are equal */
        public ExpiringLinkVerifierReference build() {
            LinkSettings.keys(keys);
            return new ExpiringLinkVerifierReference(this);
        }
    }
}
