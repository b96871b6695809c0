package dev.imgsign.expiring;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.SigningKey;
import dev.imgsign.core.UrlVerifier;
import dev.imgsign.core.Verification;
import dev.imgsign.core.internal.Percent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Verifies seed 001's links, {@code {path}?signature=<aurelia hash>&expires_at=<unix>}, as seed 001's
 * Go server does: 400 when {@code signature} or {@code expires_at} is missing or empty, or
 * {@code expires_at} is not an integer ({@code strconv.Atoi}: optional sign, decimal digits);
 * 403 when aurelia's {@code Authenticate(secret, expires_at + imageName, signature)} fails;
 * then {@link Rejection#EXPIRED} (404 unless set) when now is strictly after {@code expires_at}
 * (equal is still valid). The query is read as Go's {@code url.Values.Get} reads it: the first
 * value wins, pairs with a bad escape or a {@code ;} are skipped, {@code +} is a space.
 *
 * <p><b>Cost:</b> the signature is checked before the expiry, as the seed does, and each check runs
 * 4096 PBKDF2-HMAC-SHA1 rounds (8192 HMACs) per configured key, on input anyone can send: a
 * denial-of-service lever. Rate-limit in front of it, keep one key, and prefer
 * {@link ExpiringLinkVerifier} for new links. Hashes longer than 512 characters, and those whose
 * digest part is not 64 characters, are refused before any PBKDF2 work.
 *
 * <p>Immutable and thread-safe; never throws.
 */
public final class AureliaLinkVerifier implements UrlVerifier<AureliaLink> {
    private final KeySet keys;
    private final Clock clock;
    private final int expiredStatus;
    private final int maxLength;

    private AureliaLinkVerifier(Builder b) {
        this.keys = b.keys;
        this.clock = b.clock;
        this.expiredStatus = b.expiredStatus;
        this.maxLength = b.maxLength;
    }

    /** A builder; a key is required, every other setting has a default. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Verification<AureliaLink> verify(String requestTarget) {
        if (requestTarget == null) {
            return malformed("no request target");
        }
        if (requestTarget.length() > maxLength) {
            return Verification.rejected(Rejection.TOO_LONG, "request target longer than " + maxLength);
        }
        int q = requestTarget.indexOf('?');
        String path = q < 0 ? requestTarget : requestTarget.substring(0, q);
        if (ExpiringLinkSigner.pathProblem(path) != null) {
            return malformed("path is not an absolute percent-encoded path");
        }
        String name = imageName(path);
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
        long expiry = atoi(expiresAt);
        if (expiry == Long.MIN_VALUE) {
            return malformed("invalid format of expires_at");
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
        if (ExpiringLinkVerifier.isAfter(clock.instant(), expiry)) {
            return Verification.rejected(Rejection.EXPIRED, "link expired", expiredStatus);
        }
        return Verification.accepted(new AureliaLink(path, expiry), keys, keyIndex);
    }

    /** The last segment of a raw path, percent-decoded as UTF-8, or {@code null}. */
    static String imageName(String path) {
        int slash = path.lastIndexOf('/');
        byte[] bytes = Percent.decode(path, slash + 1, path.length(), false);
        return bytes == null ? null : Percent.utf8OrNull(bytes);
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

    private static Verification<AureliaLink> malformed(String detail) {
        return Verification.rejected(Rejection.MALFORMED, detail, 400);
    }

    @Override
    public String toString() {
        return "AureliaLinkVerifier[expiredStatus=" + expiredStatus + ", keys redacted]";
    }

    /** Settings of an {@link AureliaLinkVerifier}. A key is required. */
    public static final class Builder {
        private KeySet keys;
        private Clock clock = Clock.systemUTC();
        private int expiredStatus = 404;
        private int maxLength = 2048;

        private Builder() {
        }

        /** The secret as UTF-8 text. */
        public Builder secret(String secret) {
            this.keys = BuilderChecks.utf8Secret(secret);
            return this;
        }

        /** The keys, each tried in order (each costs a full PBKDF2 run). */
        public Builder keys(KeySet keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        /** Where the current instant comes from. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The status answered for an expired link: 404 as seed 001 unless set. */
        public Builder expiredStatus(int status) {
            this.expiredStatus = BuilderChecks.expiredStatus(status);
            return this;
        }

        /** The longest request target examined; longer ones are TOO_LONG. Default 2048. */
        public Builder maxLength(int maxLength) {
            this.maxLength = BuilderChecks.maxLength(maxLength, 64);
            return this;
        }

        /** @throws IllegalArgumentException if no key was given */
        public AureliaLinkVerifier build() {
            BuilderChecks.requireKeys(keys, "no secret configured");
            return new AureliaLinkVerifier(this);
        }
    }
}
