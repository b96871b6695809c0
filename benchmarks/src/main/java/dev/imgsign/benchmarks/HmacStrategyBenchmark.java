package dev.imgsign.benchmarks;

import dev.imgsign.core.Hmac;
import dev.imgsign.core.HmacAlgorithm;
import dev.imgsign.core.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
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
    public byte[] naiveGetInstancePerCall() throws GeneralSecurityException {
        Mac mac = Mac.getInstance(algorithm.macName());
        mac.init(new SecretKeySpec(key, algorithm.macName()));
        return mac.doFinal(message);
    }
}
