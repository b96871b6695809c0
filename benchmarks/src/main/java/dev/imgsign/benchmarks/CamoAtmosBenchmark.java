package dev.imgsign.benchmarks;

import dev.imgsign.camo.CamoDialect;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Camo verification in the atmos/camo dialect ({@link CamoDialect#ATMOS_CAMO}) of the two layouts that
 * server reads, {@code /<hex digest>/<hex url>} and {@code /<hex digest>?url=<escaped url>}, against the
 * floor (a cached {@code HmacSHA1} over the URL bytes, as in {@link CamoBenchmark}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class CamoAtmosBenchmark {
    @Param({"short", "long"})
    public String length;

    @Param({"HEX", "QUERY"})
    public CamoEncoding layout;

    private byte[] message;
    private CamoVerifier verifier;
    private String requestTarget;

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
        String url = BenchmarkUrls.url(length);
        message = url.getBytes(StandardCharsets.UTF_8);
        Fixtures.check(layout != CamoEncoding.BASE64, "atmos/camo reads no base64 layout");
        requestTarget = CamoSigner.builder(Fixtures.KEYS).encoding(layout).build().sign(url);
        verifier = CamoVerifier.builder(Fixtures.KEYS).dialect(CamoDialect.ATMOS_CAMO).build();
        Verification<String> v = verifier.verify(requestTarget);
        Fixtures.check(v instanceof Verification.Accepted<String> a && a.request().equals(url), "atmos verify rejects " + v);
    }

    @Benchmark
    public Verification<String> verify() {
        return verifier.verify(requestTarget);
    }

    /** HMAC-SHA1 of the URL bytes with a cached {@code Mac}: what verify cannot go below. */
    @Benchmark
    public byte[] floorMac(Floor floor) {
        return floor.mac.doFinal(message);
    }
}
