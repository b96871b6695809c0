package dev.imgsign.benchmarks;

import dev.imgsign.camo.CamoEncoding;
import dev.imgsign.camo.CamoSigner;
import dev.imgsign.camo.CamoVerifier;
import dev.imgsign.core.spi.HmacAlgorithm;
import dev.imgsign.core.Verification;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of one shared Camo signer (hex) on one thread and on two, beside the floor (a
 * thread-confined {@code Mac}, which shares nothing): {@code signTwoThreads / sign} near the floor's own
 * ratio means nothing in signing is contended (the set-up also checks the verifier accepts the URL).
 * Meaningful only with at least two idle cores; a {@code -t} on the command line overrides the
 * {@code @Threads} of every method.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class CamoThreadsBenchmark {
    @Param({"short", "long"})
    public String length;

    private String url;
    private byte[] message;
    private CamoSigner signer;

    /** The floor's {@code Mac}, one per benchmark thread. */
    @State(Scope.Thread)
    public static class Floor {
        Mac mac;

        @Setup
        public void setUp() {
            mac = Fixtures.mac(HmacAlgorithm.SHA1, Fixtures.SECRET_BYTES);
        }
    }

    @Setup
    public void setUp() {
        url = BenchmarkUrls.url(length);
        message = url.getBytes(StandardCharsets.UTF_8);
        signer = CamoSigner.builder(Fixtures.KEYS).encoding(CamoEncoding.HEX).build();
        Verification<String> v = CamoVerifier.builder(Fixtures.KEYS).build().verify(signer.sign(url));
        Fixtures.check(v instanceof Verification.Accepted<String> a && a.request().equals(url), "camo verify rejects " + v);
    }

    @Benchmark
    @Threads(1)
    public byte[] floorMac(Floor floor) {
        return floor.mac.doFinal(message);
    }

    @Benchmark
    @Threads(2)
    public byte[] floorMacTwoThreads(Floor floor) {
        return floor.mac.doFinal(message);
    }

    @Benchmark
    @Threads(1)
    public String sign() {
        return signer.sign(url);
    }

    @Benchmark
    @Threads(2)
    public String signTwoThreads() {
        return signer.sign(url);
    }
}
