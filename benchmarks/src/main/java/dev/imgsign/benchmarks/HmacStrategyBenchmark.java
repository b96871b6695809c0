package dev.imgsign.benchmarks;

import dev.imgsign.core.spi.Hmac;
import dev.imgsign.core.spi.HmacAlgorithm;
import dev.imgsign.core.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Thread-safe ways to compute an HMAC with a fixed key, compared with the floor (a cached {@link Mac}
 * that only one thread may use) and with a naive {@code Mac.getInstance} + {@code init} per call.
 * The winner is what {@link Hmac} implements; its javadoc says why.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class HmacStrategyBenchmark {
    @Param({"SHA1", "SHA256"})
    public HmacAlgorithm algorithm;

    @Param({"short", "long"})
    public String length;

    private byte[] message;
    private byte[] key;
    private Mac prototype;
    private ThreadLocal<Mac> perThread;
    private Hmac clonedDigestStates;
    private MacPool pool;
    private DigestPairPool digestPairs;

    /** The floor: one initialised Mac, confined to one benchmark thread. */
    @State(Scope.Thread)
    public static class ThreadConfinedMac {
        Mac mac;

        @Setup
        public void setUp(HmacStrategyBenchmark shared) throws GeneralSecurityException {
            mac = Mac.getInstance(shared.algorithm.macName());
            mac.init(new SecretKeySpec(shared.key, shared.algorithm.macName()));
        }
    }

    @Setup
    public void setUp() throws GeneralSecurityException {
        message = BenchmarkUrls.url(length).getBytes(StandardCharsets.UTF_8);
        key = "benchmark-secret".getBytes(StandardCharsets.UTF_8);
        prototype = Mac.getInstance(algorithm.macName());
        prototype.init(new SecretKeySpec(key, algorithm.macName()));
        String name = algorithm.macName();
        byte[] k = key;
        perThread = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance(name);
                mac.init(new SecretKeySpec(k, name));
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
        clonedDigestStates = Hmac.of(algorithm, SigningKey.ofBytes(key));
        pool = new MacPool(prototype);
        digestPairs = new DigestPairPool(algorithm.digestName(), key);
        byte[] expected = prototype.doFinal(message);
        for (int i = 0; i < 3; i++) { // the first call clones, the next ones reuse the primed pair
            Fixtures.check(java.util.Arrays.equals(digestPairs.mac(message), expected), "pooledDigestPairs differs from Mac");
        }
        Fixtures.check(java.util.Arrays.equals(clonedDigestStates.mac(message), expected), "Hmac differs from Mac");
    }

    /**
     * Core's pad-state digests without the clones: primed {@code (inner, outer)} digest pairs lent from
     * per-thread-id stripes with an atomic swap and given back with a compare-and-set. A used pair has
     * been reset by {@code digest}, so it is primed again (one pad block each) before it goes back: no
     * per-call allocation but the result, at the price of the two compression rounds the clones saved.
     * An empty stripe (another thread holds its pair) falls back to cloning primed prototypes.
     */
    static final class DigestPairPool {
        private static final int STRIDE = 16;
        private final MessageDigest innerPrototype;
        private final MessageDigest outerPrototype;
        private final byte[] innerPad = new byte[64];
        private final byte[] outerPad = new byte[64];
        private final int macLength;
        private final AtomicReferenceArray<MessageDigest[]> slots;
        private final int mask;

        DigestPairPool(String digestName, byte[] key) throws GeneralSecurityException {
            byte[] k = key.length > 64 ? MessageDigest.getInstance(digestName).digest(key) : key;
            for (int i = 0; i < 64; i++) {
                byte b = i < k.length ? k[i] : 0;
                innerPad[i] = (byte) (b ^ 0x36);
                outerPad[i] = (byte) (b ^ 0x5c);
            }
            innerPrototype = MessageDigest.getInstance(digestName);
            innerPrototype.update(innerPad);
            outerPrototype = MessageDigest.getInstance(digestName);
            outerPrototype.update(outerPad);
            macLength = innerPrototype.getDigestLength();
            int stripes = Integer.highestOneBit(Math.max(1, Runtime.getRuntime().availableProcessors()) * 2 - 1) * 2;
            this.mask = stripes - 1;
            this.slots = new AtomicReferenceArray<>(stripes * STRIDE);
        }

        @SuppressWarnings("deprecation") // Thread.threadId() is Java 19+
        byte[] mac(byte[] message) {
            int slot = (int) (Thread.currentThread().getId() & mask) * STRIDE;
            MessageDigest[] pair = slots.getAndSet(slot, null);
            if (pair == null) {
                try {
                    pair = new MessageDigest[] {(MessageDigest) innerPrototype.clone(), (MessageDigest) outerPrototype.clone()};
                } catch (CloneNotSupportedException e) {
                    throw new IllegalStateException(e);
                }
            }
            byte[] out = new byte[macLength];
            try {
                MessageDigest inner = pair[0];
                inner.update(message, 0, message.length);
                inner.digest(out, 0, out.length);
                MessageDigest outer = pair[1];
                outer.update(out);
                outer.digest(out, 0, out.length);
                inner.update(innerPad);
                outer.update(outerPad);
            } catch (DigestException e) {
                throw new IllegalStateException(e);
            }
            slots.compareAndSet(slot, null, pair);
            return out;
        }
    }

    /**
     * Initialised {@code Mac}s lent out per call: a thread takes the one in its stripe (chosen by thread
     * id, stripes a cache line apart) with an atomic swap and puts it back after {@code doFinal}; when
     * the stripe is empty (another thread holds it) it clones the prototype. No per-call allocation but
     * the output, no per-thread cost (virtual threads share the stripes).
     */
    static final class MacPool {
        private static final int STRIDE = 16;
        private final Mac prototype;
        private final AtomicReferenceArray<Mac> slots;
        private final int mask;

        MacPool(Mac prototype) {
            this.prototype = prototype;
            int stripes = Integer.highestOneBit(Math.max(1, Runtime.getRuntime().availableProcessors()) * 2 - 1) * 2;
            this.mask = stripes - 1;
            this.slots = new AtomicReferenceArray<>(stripes * STRIDE);
        }

        @SuppressWarnings("deprecation") // Thread.threadId() is Java 19+
        byte[] mac(byte[] message) {
            int slot = (int) (Thread.currentThread().getId() & mask) * STRIDE;
            Mac mac = slots.getAndSet(slot, null);
            if (mac == null) {
                try {
                    mac = (Mac) prototype.clone();
                } catch (CloneNotSupportedException e) {
                    throw new IllegalStateException(e);
                }
            }
            byte[] result = mac.doFinal(message);
            slots.setRelease(slot, mac);
            return result;
        }
    }

    @Benchmark
    public byte[] floorCachedMac(ThreadConfinedMac confined) {
        return confined.mac.doFinal(message);
    }

    @Benchmark
    public byte[] threadLocalMac() {
        return perThread.get().doFinal(message);
    }

    @Benchmark
    public byte[] clonedMacPrototype() throws CloneNotSupportedException {
        return ((Mac) prototype.clone()).doFinal(message);
    }

    @Benchmark
    public byte[] clonedDigestStates() {
        return clonedDigestStates.mac(message);
    }

    @Benchmark
    public byte[] stripedMacPool() {
        return pool.mac(message);
    }

    @Benchmark
    public byte[] pooledDigestPairs() {
        return digestPairs.mac(message);
    }

    @Benchmark
    public byte[] naiveGetInstancePerCall() throws GeneralSecurityException {
        Mac mac = Mac.getInstance(algorithm.macName());
        mac.init(new SecretKeySpec(key, algorithm.macName()));
        return mac.doFinal(message);
    }
}
