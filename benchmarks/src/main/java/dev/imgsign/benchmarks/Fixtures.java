package dev.imgsign.benchmarks;

import dev.imgsign.core.spi.HmacAlgorithm;
import dev.imgsign.core.KeySet;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What every scheme benchmark shares: the secret, a fixed clock and the floor's {@link Mac}. */
final class Fixtures {
    static final String SECRET = "benchmark-secret";
    static final byte[] SECRET_BYTES = SECRET.getBytes(StandardCharsets.UTF_8);
    static final KeySet KEYS = KeySet.ofUtf8(SECRET);
    /** A Wednesday in ISO week 2026-W47, so weekly keys are those of one week only. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-18T12:00:00Z"), ZoneOffset.UTC);

    private Fixtures() {
    }

    /** A freshly initialised {@link Mac}: the floor when cached, the naive baseline when made per call. */
    static Mac mac(HmacAlgorithm algorithm, byte[] key) {
        try {
            Mac mac = Mac.getInstance(algorithm.macName());
            mac.init(new SecretKeySpec(key, algorithm.macName()));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fails the benchmark's set-up (not a timed assertion): the benchmark would measure the wrong thing. */
    static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark set-up is wrong: " + what);
        }
    }
}
