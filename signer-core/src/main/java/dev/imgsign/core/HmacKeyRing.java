package dev.imgsign.core;

import java.util.List;
import java.util.Objects;

/**
 * One {@link Hmac} per key of a {@link KeySet}: the primary signs, every key verifies, in order.
 * Immutable and thread-safe; build it once per signer or verifier.
 */
public final class HmacKeyRing {
    /** Returned by the match methods when no key produced the candidate. */
    public static final int NO_MATCH = -1;

    private final KeySet keys;
    private final Hmac[] hmacs;

    private HmacKeyRing(HmacAlgorithm algorithm, KeySet keys) {
        this.keys = keys;
        List<SigningKey> list = keys.keys();
        this.hmacs = new Hmac[list.size()];
        for (int i = 0; i < hmacs.length; i++) {
            hmacs[i] = Hmac.of(algorithm, list.get(i));
        }
    }

    public static HmacKeyRing of(HmacAlgorithm algorithm, KeySet keys) {
        return new HmacKeyRing(Objects.requireNonNull(algorithm, "algorithm"), Objects.requireNonNull(keys, "keys"));
    }

    public KeySet keys() {
        return keys;
    }

    /** The MAC of {@code message} under the primary key. */
    public byte[] sign(byte[] message) {
        return hmacs[0].mac(message);
    }

    /** The HMAC of key {@code index} (0 is the primary). */
    public Hmac hmac(int index) {
        return hmacs[index];
    }

    public int size() {
        return hmacs.length;
    }

    /**
     * The index of the first key whose MAC of {@code message} equals {@code candidate}, or
     * {@link #NO_MATCH}. Each key costs one MAC and one constant-time comparison.
     */
    public int match(byte[] message, byte[] candidate) {
        for (int i = 0; i < hmacs.length; i++) {
            if (hmacs[i].matches(message, candidate)) {
                return i;
            }
        }
        return NO_MATCH;
    }

    /** As {@link #match}, against MACs truncated to {@code truncatedLength} bytes. */
    public int matchTruncated(byte[] message, byte[] candidate, int truncatedLength) {
        for (int i = 0; i < hmacs.length; i++) {
            if (hmacs[i].matchesTruncated(message, candidate, truncatedLength)) {
                return i;
            }
        }
        return NO_MATCH;
    }

    @Override
    public String toString() {
        return "HmacKeyRing[" + hmacs.length + " keys, redacted]";
    }
}
