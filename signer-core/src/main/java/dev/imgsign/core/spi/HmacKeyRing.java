package dev.imgsign.core.spi;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.SigningKey;

import java.util.List;
import java.util.Objects;

/**
 * One {@link Hmac} per key of a {@link KeySet}: the primary signs, every key verifies, in order.
 * Immutable and thread-safe; build it once per signer or verifier.
 *
 * @since 0.1.0
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

    /**
     * One HMAC per key of {@code keys}, keyed once.
     *
     * @param algorithm the hash function
     * @param keys the keys, primary first
     * @return the key ring
     */
    public static HmacKeyRing of(HmacAlgorithm algorithm, KeySet keys) {
        return new HmacKeyRing(Objects.requireNonNull(algorithm, "algorithm"), Objects.requireNonNull(keys, "keys"));
    }

    /** {@return the keys, primary first} */
    public KeySet keys() {
        return keys;
    }

    /**
     * The MAC of {@code message} under the primary key.
     *
     * @param message the bytes to authenticate
     * @return the MAC
     */
    public byte[] sign(byte[] message) {
        return hmacs[0].mac(message);
    }

    /**
     * The HMAC of key {@code index} (0 is the primary).
     *
     * @param index the key's position in the key set
     * @return its HMAC
     */
    public Hmac hmac(int index) {
        return hmacs[index];
    }

    /** {@return the number of keys} */
    public int size() {
        return hmacs.length;
    }

    /**
     * The index of the first key whose MAC of {@code message} equals {@code candidate}, or
     * {@link #NO_MATCH}. Each key costs one MAC and one constant-time comparison.
     *
     * @param message the bytes that were authenticated
     * @param candidate the MAC to check, as received
     * @return the index of the matching key, or {@link #NO_MATCH}
     */
    public int match(byte[] message, byte[] candidate) {
        for (int i = 0; i < hmacs.length; i++) {
            if (hmacs[i].matches(message, candidate)) {
                return i;
            }
        }
        return NO_MATCH;
    }

    /**
     * As {@link #match(byte[], byte[])}, over {@code length} bytes of {@code message} from {@code offset}
     * (a message decoded into a larger buffer).
     *
     * @param message the array holding the bytes that were authenticated
     * @param offset where they start
     * @param length how many there are
     * @param candidate the MAC to check, as received
     * @return the index of the matching key, or {@link #NO_MATCH}
     */
    public int match(byte[] message, int offset, int length, byte[] candidate) {
        for (int i = 0; i < hmacs.length; i++) {
            if (hmacs[i].matches(message, offset, length, candidate)) {
                return i;
            }
        }
        return NO_MATCH;
    }

    /**
     * As {@link #match(byte[], byte[])}, against MACs truncated to {@code truncatedLength} bytes.
     *
     * @param message the bytes that were authenticated
     * @param candidate the truncated MAC to check, as received
     * @param truncatedLength the length the scheme truncates MACs to
     * @return the index of the matching key, or {@link #NO_MATCH}
     */
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
