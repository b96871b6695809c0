package dev.imgsign.expiring;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.SigningKey;
import dev.imgsign.core.UrlSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * Signs links in seed 001's format, {@code [host]{path}?signature=<hash>&expires_at=<unix>}, where the
 * hash is aurelia's {@code Hash(secret, expires_at + imageName)} (Go package codefluence-x/aurelia) and
 * the image name is the path's last segment.
 *
 * <p>For interoperability with such servers only: each verification costs 4096 PBKDF2 rounds (8192
 * HMAC-SHA1), a denial-of-service cost. Prefer {@link ExpiringLinkSigner} for new deployments.
 *
 * <p>Each call draws a random UUIDv4 ({@link UUID#randomUUID()}, a {@code SecureRandom}) and costs the
 * same PBKDF2 work. Immutable and thread-safe.
 */
public final class AureliaLinkSigner implements UrlSigner<AureliaLink> {
    private final SigningKey credential;
    private final Clock clock;
    private final String host;

    private AureliaLinkSigner(Builder b) {
        this.credential = b.keys.primary();
        this.clock = b.clock;
        this.host = b.host;
    }

    /** A builder; a key is required, every other setting has a default. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The signed URL for {@code link}.
     *
     * @throws IllegalArgumentException if the path is not an absolute percent-encoded path with a
     *     non-empty last segment, or the expiry is negative
     */
    @Override
    public String sign(AureliaLink link) {
        return sign(link, UUID.randomUUID());
    }

    /** The signed URL for {@code path}, valid from now (the clock) for {@code validity}. */
    public String sign(String path, Duration validity) {
        return sign(new AureliaLink(path, ExpiringLinkSigner.expiryAfter(clock, validity)));
    }

    String sign(AureliaLink link, UUID uuid) {
        if (link == null) {
            throw new IllegalArgumentException("link is null");
        }
        String problem = ExpiringLinkSigner.pathProblem(link.path());
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (link.expiresAt() < 0) {
            throw new IllegalArgumentException("expiry must not be negative, got " + link.expiresAt());
        }
        String name = AureliaLinkVerifier.imageName(link.path());
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("path must end with an image name");
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

    /** Settings of an {@link AureliaLinkSigner}. A key is required. */
    public static final class Builder {
        private KeySet keys;
        private Clock clock = Clock.systemUTC();
        private String host = "";

        private Builder() {
        }

        /** The secret ({@code secretCode} in seed 001) as UTF-8 text. */
        public Builder secret(String secret) {
            this.keys = BuilderChecks.utf8Secret(secret);
            return this;
        }

        /** The keys; the primary signs. */
        public Builder keys(KeySet keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        /** The clock {@link #sign(String, Duration)} reads. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Prepended to every signed path, e.g. {@code http://localhost:8080}. */
        public Builder host(String host) {
            this.host = BuilderChecks.host(host);
            return this;
        }

        /** @throws IllegalArgumentException if no key was given */
        public AureliaLinkSigner build() {
            BuilderChecks.requireKeys(keys, "no secret configured");
            return new AureliaLinkSigner(this);
        }
    }
}
