package dev.imgsign.expiring;

import dev.imgsign.core.KeySet;
import java.time.Duration;
import java.util.Objects;

/** The argument checks and normalisations the signer and verifier builders of this module share. */
final class BuilderChecks {
    private BuilderChecks() {
    }

    /** A secret given as text: its UTF-8 bytes as the only key. */
    static KeySet utf8Secret(String secret) {
        return KeySet.ofUtf8(Objects.requireNonNull(secret, "secret"));
    }

    /** A host prefix without its trailing {@code /}, so that {@code host + path} has one slash. */
    static String host(String host) {
        Objects.requireNonNull(host, "host");
        return host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
    }

    /** The status answered for an expired link: any 4xx. */
    static int expiredStatus(int status) {
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("expired status must be a 4xx status, got " + status);
        }
        return status;
    }

    /** A verifier's limit on the request target's length, at least {@code min}. */
    static int maxLength(int maxLength, int min) {
        if (maxLength < min) {
            throw new IllegalArgumentException("maxLength must be at least " + min + ", got " + maxLength);
        }
        return maxLength;
    }

    /** A maximum validity in whole seconds, at least one. */
    static long maxValiditySeconds(Duration maxValidity) {
        Objects.requireNonNull(maxValidity, "maxValidity");
        if (maxValidity.getSeconds() < 1) {
            throw new IllegalArgumentException("maxValidity must be at least one second, got " + maxValidity);
        }
        return maxValidity.getSeconds();
    }

    /** The keys {@code build()} needs, or an {@link IllegalArgumentException} with {@code missing}. */
    static KeySet requireKeys(KeySet keys, String missing) {
        if (keys == null) {
            throw new IllegalArgumentException(missing);
        }
        return keys;
    }
}
