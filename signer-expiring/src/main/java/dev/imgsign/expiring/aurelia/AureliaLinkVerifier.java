package dev.imgsign.expiring.aurelia;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.ProxyRequest;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.SigningKey;
import dev.imgsign.core.UrlVerifier;
import dev.imgsign.core.Verification;
import dev.imgsign.core.internal.SignedUrls;
import dev.imgsign.expiring.internal.Expiry;
import dev.imgsign.expiring.internal.LinkPaths;
import dev.imgsign.expiring.internal.LinkSettings;
import dev.imgsign.expiring.internal.QueryPairs;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Verifies seed 001's links, {@code {path}?signature=<aurelia hash>&expires_at=<unix>}, as seed 001's
 * Go server does, with three safe-by-default deviations listed below: 400 when {@code signature} or
 * {@code expires_at} is missing or empty, or {@code expires_at} is not an integer; 403 when aurelia's
 * {@code Authenticate(secret, expires_at + imageName, signature)} fails; {@link Rejection#EXPIRED}
 * (404 unless set) when now is strictly after {@code expires_at} (equal is still valid). The query is
 * read as Go's {@code url.Values.Get} reads it: the first value wins, pairs with a bad escape or a
 * {@code ;} are skipped, {@code +} is a space.
 *
 * <p><b>Credential ambiguity.</b> The signed credential is {@code decimal(expires_at) + imageName}
 * with no separator, so the same hash also authenticates every other split of those characters: a
 * link for {@code /avatar/12.png} with {@code expires_at=1800000000} also authenticates
 * {@code /avatar/2.png} with {@code expires_at=18000000001} (another image, valid for centuries), and
 * {@code /avatar/012.png} with {@code expires_at=180000000} (long expired). Moving {@code k} digits
 * between the two fields multiplies or divides the expiry by about {@code 10^k}, so this verifier refuses
 * (403, {@link Rejection#BAD_SIGNATURE}) any {@code expires_at} more than
 * {@link Builder#maxValidity(Duration)} after now (default {@link #DEFAULT_MAX_VALIDITY}, 7 days), before
 * any PBKDF2 work, and refuses expired links. Every accepted {@code expires_at} lies in
 * {@code [now, now + maxValidity]}; a genuine link's expiry lies in the same window when it is made
 * ({@link AureliaLinkSigner} refuses anything else), so a re-cut expiry ({@code >= 10 x} or
 * {@code <= 1/10} of it) is either long expired or centuries ahead, and refused.
 *
 * <p><b>Residual risk.</b> (1) A re-cut to ten times the expiry becomes acceptable once the clock
 * itself reaches that value (for links made today, after the year 2500). (2) A link made by another
 * signer with an expiry of at least ten times its own signing time (valid for centuries), or with an
 * expiry at most a tenth of it (long dead when made), can be re-cut into one for the same image name
 * with digits moved to or from its start whose expiry falls in the window; image names that do not
 * start with a digit are not exposed to case (2) when the expiry is cut short. Do not accept links from
 * signers that do not cap the validity, or keep {@code maxValidity} short and image names non-numeric.
 * The format itself cannot be fixed without breaking the seed's links; {@link dev.imgsign.expiring.link.ExpiringLinkVerifier}
 * has no such ambiguity.
 *
 * <p><b>Deviations from the seed, each an explicit opt-out:</b>
 * <ul>
 *   <li>{@code expires_at} must be canonical (digits only, no sign, no leading zero); Go's
 *       {@code strconv.Atoi} also takes {@code +1731744015} and {@code 01731744015}, which no signer
 *       emits ({@code fmt %d}). {@link Builder#acceptNonCanonicalExpiry(boolean)} restores that.</li>
 *   <li>{@code expires_at} beyond {@code now + maxValidity} is refused; see above.</li>
 *   <li>The cheap checks run before the costly signature check: an expired link is answered
 *       {@link Rejection#EXPIRED} whatever its signature (the seed checks the signature first and
 *       answers an expired, tampered link 403). {@link Builder#signatureBeforeExpiry(boolean)} restores
 *       the seed's order.</li>
 * </ul>
 * Request targets with raw control characters (0x00-0x1F, 0x7F) or spaces are malformed (no HTTP
 * server delivers one).
 *
 * <p><b>Cost:</b> each signature check runs 4096 PBKDF2-HMAC-SHA1 rounds (8192 HMACs, about 1.5 ms
 * of CPU on a 2-core AMD EPYC, allocation-free across the rounds) per configured key, on input anyone can send: a denial-of-service
 * lever. Everything cheap is checked first (length, raw characters, path, parameters, the expiry's
 * form, expiry, maximum validity, the hash's shape), but a forger who sends a fresh, well-shaped hash
 * still costs a full run per key. Rate-limit in front of it (per client, before the filter), keep one
 * key, and prefer {@link dev.imgsign.expiring.link.ExpiringLinkVerifier} (one HMAC-SHA256) for new links.
 *
 * <p>Immutable and thread-safe; never throws.
 *
 * @since 0.1.0
 */
public final class AureliaLinkVerifier implements UrlVerifier<AureliaLink> {
    /**
     * The default longest validity, 7 days: as long as the longest-lived presigned URLs of common object
     * stores (AWS SigV4 allows 7 days) and Gazelle's weekly keys, and nine orders of magnitude short
     * of the centuries a re-cut expiry needs.
     */
    public static final Duration DEFAULT_MAX_VALIDITY = Duration.ofDays(7);

    private final KeySet keys;
    private final Clock clock;
    private final int expiredStatus;
    private final int maxLength;
    private final long maxValiditySeconds;
    private final boolean acceptNonCanonicalExpiry;
    private final boolean signatureBeforeExpiry;
    private final String host;

    private AureliaLinkVerifier(Builder b) {
        this.keys = b.keys;
        this.clock = b.clock;
        this.expiredStatus = b.expiredStatus;
        this.maxLength = b.maxLength;
        this.maxValiditySeconds = b.maxValiditySeconds;
        this.acceptNonCanonicalExpiry = b.acceptNonCanonicalExpiry;
        this.signatureBeforeExpiry = b.signatureBeforeExpiry;
        this.host = b.host;
    }

    /**
     * A builder accepting links signed with {@code keys}; every other setting has a default.
     *
     * @param keys the secrets accepted, each tried in order (each costs a full PBKDF2 run)
     * @return a builder
     * @throws IllegalArgumentException if {@code keys} is null
     */
    public static Builder builder(KeySet keys) {
        return new Builder(keys);
    }

    @Override
    public Verification<AureliaLink> verify(ProxyRequest request) {
        String requestTarget = LinkSettings.target(request, host);
        Verification<AureliaLink> unreadable = SignedUrls.refuseUnreadable(requestTarget, maxLength);
        if (unreadable != null) {
            return unreadable;
        }
        int q = LinkSettings.queryStart(request, requestTarget);
        String path = q < 0 ? requestTarget : requestTarget.substring(0, q);
        if (path.isEmpty() || path.charAt(0) != '/') {
            return malformed(SignedUrls.notARequestTarget("host"));
        }
        if (LinkPaths.pathProblem(path) != null) {
            return malformed("path is not an absolute percent-encoded path");
        }
        String name = LinkPaths.lastSegment(path);
        if (name == null || name.isEmpty()) {
            return malformed("path has no image name");
        }
        byte[] signature = null;
        byte[] expiresAt = null;
        if (q >= 0) {
            byte[][] found = firstValues(requestTarget, q + 1, "signature", "expires_at");
            signature = found[0];
            expiresAt = found[1];
        }
        if (signature == null || signature.length == 0 || expiresAt == null || expiresAt.length == 0) {
            return malformed("signature and expires_at cannot be empty");
        }
        long expiry = acceptNonCanonicalExpiry ? atoi(expiresAt) : canonicalSeconds(expiresAt);
        if (expiry == Long.MIN_VALUE) {
            return malformed(acceptNonCanonicalExpiry ? "invalid format of expires_at"
                    : "expires_at is not a canonical non-negative integer");
        }
        Instant now = clock.instant();
        if (expiry > Expiry.saturatedAdd(now.getEpochSecond(), maxValiditySeconds)) {
            return Verification.rejected(Rejection.BAD_SIGNATURE,
                    "expires_at is more than " + maxValiditySeconds + " s after now", 403);
        }
        boolean expired = Expiry.isAfter(now, expiry);
        if (expired && !signatureBeforeExpiry) {
            return Verification.rejected(Rejection.EXPIRED, "link expired", expiredStatus);
        }
        byte[] key = (expiry + name).getBytes(StandardCharsets.UTF_8);
        int keyIndex = -1;
        List<SigningKey> list = keys.keys();
        for (int i = 0; i < list.size() && keyIndex < 0; i++) {
            byte[] secret = list.get(i).copyBytes();
            try {
                if (Aurelia.authenticate(secret, key, signature)) {
                    keyIndex = i;
                }
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
        }
        if (keyIndex < 0) {
            return Verification.rejected(Rejection.BAD_SIGNATURE, "unauthorized", 403);
        }
        if (expired) {
            return Verification.rejected(Rejection.EXPIRED, "link expired", expiredStatus);
        }
        return Verification.accepted(new AureliaLink(path, expiry), keys, keyIndex);
    }

    /**
     * The first value of each of {@code names} in the query from {@code from}, as Go's
     * {@code url.ParseQuery}: pairs split on {@code &}; a pair with {@code ;} or a bad escape skipped.
     */
    private static byte[][] firstValues(String s, int from, String... names) {
        byte[][] found = new byte[names.length][];
        int start = from;
        int end = s.length();
        while (start <= end) {
            int stop = QueryPairs.pairEnd(s, start, end);
            if (stop > start && !QueryPairs.contains(s, ';', start, stop)) {
                int nameEnd = QueryPairs.nameEnd(s, start, stop);
                byte[] name = QueryPairs.decode(s, start, nameEnd);
                byte[] value = QueryPairs.decode(s, QueryPairs.valueStart(nameEnd, stop), stop);
                if (name != null && value != null) {
                    for (int i = 0; i < names.length; i++) {
                        if (found[i] == null && Arrays.equals(name, names[i].getBytes(StandardCharsets.US_ASCII))) {
                            found[i] = value;
                        }
                    }
                }
            }
            start = stop + 1;
        }
        return found;
    }

    /**
     * Go's {@code strconv.Atoi} on a 64-bit platform: an optional {@code +} or {@code -}, then one or
     * more ASCII digits, in range of a long. Returns {@code Long.MIN_VALUE} on failure (Go also accepts
     * that value, but it is long expired and cannot be signed by {@link AureliaLinkSigner}).
     */
    static long atoi(byte[] s) {
        int i = 0;
        boolean negative = false;
        if (s.length > 0 && (s[0] == '+' || s[0] == '-')) {
            negative = s[0] == '-';
            i = 1;
        }
        if (i == s.length) {
            return Long.MIN_VALUE;
        }
        long value = 0;
        for (; i < s.length; i++) {
            int digit = s[i] - '0';
            if (digit < 0 || digit > 9) {
                return Long.MIN_VALUE;
            }
            if (value > (Long.MAX_VALUE - digit) / 10) {
                return Long.MIN_VALUE;
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    /**
     * Digits only, no sign, no leading zero (except {@code 0} itself), in range of a long: the form
     * {@code fmt %d} writes. Returns {@code Long.MIN_VALUE} otherwise.
     */
    static long canonicalSeconds(byte[] s) {
        if (s.length == 0 || (s[0] == '0' && s.length > 1) || s[0] == '+' || s[0] == '-') {
            return Long.MIN_VALUE;
        }
        return atoi(s);
    }

    private static Verification<AureliaLink> malformed(String detail) {
        return Verification.rejected(Rejection.MALFORMED, detail, 400);
    }

    @Override
    public String toString() {
        return "AureliaLinkVerifier[expiredStatus=" + expiredStatus + ", maxValidity=" + maxValiditySeconds
                + "s, keys redacted]";
    }

    /**
     * Settings of an {@link AureliaLinkVerifier}: the shared aurelia settings plus the expired status, the
     * length limit and the two opt-ins to seed 001's looser behaviour. Only the keys are required.
     */
    public static final class Builder extends AureliaSettings<Builder> {
        int expiredStatus = 404;
        int maxLength = 2048;
        boolean acceptNonCanonicalExpiry;
        boolean signatureBeforeExpiry;

        private Builder(KeySet keys) {
            super(keys);
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * The status answered for an expired link: 404 as seed 001 unless set.
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
         * The longest request target examined; longer ones are TOO_LONG. Default 2048.
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
         * Whether {@code expires_at} may take the other forms Go's {@code strconv.Atoi} reads (a
         * {@code +} or {@code -} sign, leading zeros), as seed 001's server does. Off by default: no
         * signer writes them, and one link should have one spelling.
         *
         * @param accept {@code true} to accept signs and leading zeros
         * @return this builder
         */
        public Builder acceptNonCanonicalExpiry(boolean accept) {
            this.acceptNonCanonicalExpiry = accept;
            return this;
        }

        /**
         * Whether to check the signature before the expiry, as seed 001's server does (an expired link
         * with a wrong signature is then 403, not EXPIRED). Off by default: checking the expiry first
         * spares the PBKDF2 work for stale links.
         *
         * @param signatureFirst {@code true} to check the signature first
         * @return this builder
         */
        public Builder signatureBeforeExpiry(boolean signatureFirst) {
            this.signatureBeforeExpiry = signatureFirst;
            return this;
        }

        /**
         * The immutable, thread-safe verifier.
         *
         * @return a verifier with this builder's settings
         */
        public AureliaLinkVerifier build() {
            return new AureliaLinkVerifier(this);
        }
    }
}
