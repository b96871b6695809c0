package dev.imgsign.core.spi;

import dev.imgsign.core.SigningKey;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A keyed HMAC (RFC 2104) over the JDK's own SHA-1 and SHA-256.
 *
 * <p>Immutable and thread-safe, with no per-call provider lookup or key schedule. The key is
 * absorbed once, at construction, into two {@link MessageDigest} states (after the {@code key ^ ipad}
 * and {@code key ^ opad} blocks); each call clones those states and hashes only the message and the
 * inner digest. That is two compression rounds fewer than {@code javax.crypto.Mac}, which re-hashes
 * both pad blocks on every call, and unlike a {@code ThreadLocal<Mac>} it costs nothing per thread, so
 * it suits virtual threads. The prototypes are never updated after construction; cloning only reads
 * them.
 *
 * <p>Why this strategy: it is the fastest thread-safe one measured ({@code HmacStrategyBenchmark} in
 * the {@code benchmarks} module, JDK 17 and 25, 2-core AMD EPYC with SHA extensions, see the root
 * README). Over a 42-byte URL it ran at 0.80-0.91x the time of a cached, thread-confined
 * {@code Mac.doFinal}; over a 530-byte URL at 0.89-1.05x. The alternatives without the pad-block
 * rounds saved ran at 0.98-1.22x (a {@code ThreadLocal<Mac>}, or initialised {@code Mac}s lent from
 * per-thread-id stripes with an atomic swap), a cloned {@code Mac} prototype at 0.94-1.65x, and
 * {@code Mac.getInstance} + {@code init} per call at 1.5-2.9x. The price is allocation: two digest
 * clones make about 390-500 bytes of short-lived garbage per call, where the {@code Mac} strategies
 * allocate only the 40-48-byte result; one array serves as both inner hash and result.
 *
 * <p>Why not a pool: primed digest pairs lent from per-thread-id stripes with an atomic swap and put
 * back with a compare-and-set ({@code pooledDigestPairs} in the benchmark) allocate only the result (40
 * or 48 bytes, also on two threads), but a digest reset by {@code digest} must hash its pad block again
 * before reuse: the two compression rounds the clones save. Measured 2026-11-30 (thread CPU time, best
 * of 25 rounds, one and two threads; load average 21): the pool ran at 0.97-1.06x the floor, this class
 * at 0.68-0.91x; in JMH at load 3.5 on one thread, 202 vs 136 ns (SHA-1, 42 bytes) and 472 vs 434 ns
 * (530 bytes). No JDK API restores a digest's state without a new object, so allocation-free and
 * faster than {@code Mac} exclude each other here.
 *
 * <p>The result equals {@code Mac.getInstance("Hmac" + alg).doFinal(message)}; the tests check that.
 *
 * @since 0.1.0
 */
public final class Hmac {
    private static final byte IPAD = 0x36;
    private static final byte OPAD = 0x5c;

    private final HmacAlgorithm algorithm;
    private final MessageDigest innerPrototype;
    private final MessageDigest outerPrototype;

    private Hmac(HmacAlgorithm algorithm, byte[] key) {
        this.algorithm = algorithm;
        byte[] block = new byte[HmacAlgorithm.BLOCK_SIZE];
        byte[] k = key.length > block.length ? newDigest(algorithm).digest(key) : key;
        System.arraycopy(k, 0, block, 0, k.length);

        byte[] pad = new byte[block.length];
        for (int i = 0; i < block.length; i++) {
            pad[i] = (byte) (block[i] ^ IPAD);
        }
        innerPrototype = newDigest(algorithm);
        innerPrototype.update(pad);
        for (int i = 0; i < block.length; i++) {
            pad[i] = (byte) (block[i] ^ OPAD);
        }
        outerPrototype = newDigest(algorithm);
        outerPrototype.update(pad);
        Arrays.fill(pad, (byte) 0);
        Arrays.fill(block, (byte) 0);
        // Fail at construction, not on first use, where a provider cannot clone its digests.
        copy(innerPrototype);
    }

    /**
     * An HMAC keyed with {@code key}.
     *
     * @param algorithm the hash function
     * @param key the secret
     * @return the keyed HMAC
     */
    public static Hmac of(HmacAlgorithm algorithm, SigningKey key) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(key, "key");
        byte[] bytes = key.copyBytes();
        try {
            return new Hmac(algorithm, bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * An HMAC keyed with raw bytes, for schemes that derive a key per period or per request
     * (weekly keys, aurelia). An empty key is allowed here because RFC 2104 allows it; public
     * factories of {@link SigningKey} reject empty secrets.
     *
     * @param algorithm the hash function
     * @param key the secret bytes, used as they are (not copied: the caller must not change them)
     * @return the keyed HMAC
     */
    public static Hmac ofRawKey(HmacAlgorithm algorithm, byte[] key) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(key, "key");
        return new Hmac(algorithm, key);
    }

    /** {@return the hash function} */
    public HmacAlgorithm algorithm() {
        return algorithm;
    }

    /**
     * The MAC of the whole of {@code message}.
     *
     * @param message the bytes to authenticate
     * @return a new array of {@link HmacAlgorithm#macLength()} bytes
     */
    public byte[] mac(byte[] message) {
        return mac(message, 0, message.length);
    }

    /**
     * The MAC of {@code length} bytes of {@code message} from {@code offset}.
     *
     * @param message the array holding the bytes to authenticate
     * @param offset where they start
     * @param length how many there are
     * @return a new array of {@link HmacAlgorithm#macLength()} bytes
     */
    public byte[] mac(byte[] message, int offset, int length) {
        // One array holds the inner hash and then the MAC: one allocation fewer per call.
        byte[] out = new byte[algorithm.macLength()];
        try {
            MessageDigest inner = copy(innerPrototype);
            inner.update(message, offset, length);
            inner.digest(out, 0, out.length);
            MessageDigest outer = copy(outerPrototype);
            outer.update(out);
            outer.digest(out, 0, out.length);
        } catch (DigestException e) {
            throw new IllegalStateException("the digest does not fit its own length", e);
        }
        return out;
    }

    /**
     * Whether {@code candidate} equals the MAC of {@code message}, compared in constant time.
     * A candidate of another length never matches.
     *
     * @param message the bytes that were authenticated
     * @param candidate the MAC to check, as received
     * @return whether it is the MAC of {@code message}
     */
    public boolean matches(byte[] message, byte[] candidate) {
        return ConstantTime.equals(mac(message), candidate);
    }

    /**
     * As {@link #matches(byte[], byte[])}, over {@code length} bytes of {@code message} from {@code offset}.
     *
     * @param message the array holding the bytes that were authenticated
     * @param offset where they start
     * @param length how many there are
     * @param candidate the MAC to check, as received
     * @return whether it is the MAC of those bytes
     */
    public boolean matches(byte[] message, int offset, int length, byte[] candidate) {
        return ConstantTime.equals(mac(message, offset, length), candidate);
    }

    /**
     * Whether {@code candidate} equals the first {@code candidate.length} bytes of the MAC, for
     * schemes that truncate (imageproxy-py keeps 12 bytes). {@code truncatedLength} is the length the
     * scheme expects; a candidate of any other length never matches.
     *
     * @param message the bytes that were authenticated
     * @param candidate the truncated MAC to check, as received
     * @param truncatedLength the length the scheme truncates MACs to, 1 to {@link HmacAlgorithm#macLength()}
     * @return whether it is the truncated MAC of {@code message}
     * @throws IllegalArgumentException if {@code truncatedLength} is out of range
     */
    public boolean matchesTruncated(byte[] message, byte[] candidate, int truncatedLength) {
        if (truncatedLength <= 0 || truncatedLength > algorithm.macLength()) {
            throw new IllegalArgumentException("truncated length must be 1.." + algorithm.macLength());
        }
        byte[] full = mac(message);
        return ConstantTime.equals(Arrays.copyOf(full, truncatedLength), candidate);
    }

    @Override
    public String toString() {
        return "Hmac[" + algorithm + ", key redacted]";
    }

    private static MessageDigest copy(MessageDigest prototype) {
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(
                    "the security provider's " + prototype.getAlgorithm() + " digest cannot be cloned", e);
        }
    }

    private static MessageDigest newDigest(HmacAlgorithm algorithm) {
        try {
            return MessageDigest.getInstance(algorithm.digestName());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm.digestName(), e);
        }
    }
}
