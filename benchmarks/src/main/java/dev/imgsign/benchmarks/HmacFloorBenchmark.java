package dev.imgsign.benchmarks;

import dev.imgsign.core.Hmac;
import dev.imgsign.core.HmacAlgorithm;
import dev.imgsign.core.SigningKey;
import java.nio.charset.StandardCharsets;
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
 * The floor every scheme is measured against: one cached, initialised {@link Mac#doFinal} over a
 * message, beside the core {@link Hmac} engine over the same message.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class HmacFloorBenchmark {
    @Param({"SHA1", "SHA256"})
    public HmacAlgorithm algorithm;

    @Param({"short", "long"})
    public String length;

    private byte[] message;
    private Mac cachedMac;
    private Hmac engine;

    @Setup
    public void setUp() throws Exception {
        message = BenchmarkUrls.url(length).getBytes(StandardCharsets.UTF_8);
        byte[] key = "benchmark-secret".getBytes(StandardCharsets.UTF_8);
        cachedMac = Mac.getInstance(algorithm.macName());
        cachedMac.init(new SecretKeySpec(key, algorithm.macName()));
        engine = Hmac.of(algorithm, SigningKey.ofBytes(key));
    }

    @Benchmark
    public byte[] cachedMacDoFinal() {
        return cachedMac.doFinal(message);
    }

    @Benchmark
    public byte[] coreEngine() {
        return engine.mac(message);
    }
}
