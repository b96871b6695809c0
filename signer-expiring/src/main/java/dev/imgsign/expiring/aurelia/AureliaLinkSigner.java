package dev.imgsign.expiring.aurelia;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.SigningKey;
import dev.imgsign.core.UrlSigner;
import dev.imgsign.expiring.internal.Expiry;
import dev.imgsign.expiring.internal.LinkPaths;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * Signs links in seed 001's format, {@code [host]{path}?signature=<hash>&expires_at=<unix>}, where the
 * hash is aurelia's {@code Hash(secret, expires_at + imageName)} (Go package codefluence-x/aurelia) and
 * the image name is the path's last segment.
 *
 * <p>Refuses links that are already expired or valid for longer than {@link Builder#maxValidity(Duration)}
 * (default {@link AureliaLinkVerifier#DEFAULT_MAX_VALIDITY}, 7 days) after the clock's now: the credential
 * {@code expires_at + imageName} has no separator, and a far-future expiry is what lets digits move
 * between the two fields (see {@link AureliaLinkVerifier}).
 *
 * <p>For interoperability with such servers only: each verification costs 4096 PBKDF2 rounds (8192
 * HMAC-SHA1), a denial-of-service cost. Prefer {@link dev.imgsign.expiring.link.ExpiringLinkSigner} for new deployments.
 *
 * <p>Each call draws a random UUIDv4 ({@link UUID#randomUUID()}, a {@code SecureRandom}) and costs the
 * same PBKDF2 work. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class AureliaLinkSigner implements UrlSigner<AureliaLink> {
    private final SigningKey credential;
    private final Clock clock;
    private final String host;
    private final long maxValiditySeconds;

    private AureliaLinkSigner(Builder b) {
        this.credential = b.keys.primary();
        this.clock = b.clock;
        this.host = b.host;
        this.maxValiditySeconds = b.maxValiditySeconds;
    }

    /**
     * A builder signing with {@code keys} ({@code secretCode} in seed 001); every other setting has a default.
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
     * @throws IllegalArgumentException if the path is not an absolute percent-encoded path with a
     *     non-empty last segment, or the expiry is negative, before the clock's now, or more than the
     *     maximum validity after it
     */
    @Override
    public String sign(AureliaLink link) {
        return sign(link, UUID.randomUUID());
    }

    /**
     * The signed URL for {@code path}, valid from now (the clock) for {@code validity}.
     *
     * @param path the percent-encoded path, starting with {@code /}
     * @param validity how long the link stays valid from now
     * @return the signed URL, the host prepended
     * @throws IllegalArgumentException if {@code validity} is negative or longer than the maximum validity
     */
    public String sign(String path, Duration validity) {
        if (validity != null && validity.getSeconds() > maxValiditySeconds) {
            throw new IllegalArgumentException("validity " + validity + " is longer than the maximum validity ("
                    + maxValiditySeconds + " s)");
        }
        return sign(new AureliaLink(path, Expiry.after(clock, validity)));
    }

    String sign(AureliaLink link, UUID uuid) {
        if (link == null) {
            throw new IllegalArgumentException("link is null");
        }
        String problem = LinkPaths.pathProblem(link.path());
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (link.expiresAt() < 0) {
            throw new IllegalArgumentException("expiry must not be negative, got " + link.expiresAt());
        }
        String name = LinkPaths.lastSegment(link.path());
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("path must end with an image name");
        }
        Instant now = clock.instant();
        if (Expiry.isAfter(now, link.expiresAt())) {
            throw new IllegalArgumentException("expiry " + link.expiresAt() + " is before now (" + now
                    + "): the link would be dead, and a long-dead expiry can be re-cut into a live one");
        }
        long latest = Expiry.saturatedAdd(now.getEpochSecond(), maxValiditySeconds);
        if (link.expiresAt() > latest) {
            throw new IllegalArgumentException("expiry " + link.expiresAt() + " is more than the maximum validity ("
                    + maxValiditySeconds + " s) after now; verifiers refuse it");
        }
        byte[] key = (link.expiresAt() + name).getBytes(StandardCharsets.UTF_8);
        byte[] secret = credential.copyBytes();
        try {
            String hash = Aurelia.hash(secret, key, uuid);
            return host + link.path() + "?signature=" + hash + "&expires_at=" + link.expiresAt();
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "AureliaLinkSigner[key redacted]";
    }

    /** Settings of an {@link AureliaLinkSigner}: the shared aurelia settings; only the keys are required. */
    public static final class Builder extends AureliaSettings<Builder> {
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
         */
        public AureliaLinkSigner build() {
            return new AureliaLinkSigner(this);
        }
    }
}
