package dev.imgsign.benchmarks;

import com.google.common.io.BaseEncoding;
import dev.imgsign.camo.CamoEncoding;
import dev.imgsign.camo.CamoSigner;
import dev.imgsign.camo.CamoVerifier;
import dev.imgsign.core.spi.HmacAlgorithm;
import dev.imgsign.core.Verification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
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
 * Camo (go-camo's layout): sign and verify in hex and base64, against the floor (a cached
 * {@code HmacSHA1} over the same URL bytes) and a naive implementation ({@code Mac.getInstance} +
 * {@code init} per call, Guava {@link BaseEncoding}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class CamoBenchmark {
    private static final String PREFIX = "https://img.example.org";

    @Param({"short", "long"})
    public String length;

    @Param({"HEX", "BASE64"})
    public CamoEncoding encoding;

    private String url;
    private byte[] message;
    private CamoSigner signer;
    private CamoVerifier verifier;
    private String requestTarget;
    private BaseEncoding naiveCodec;

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
        signer = CamoSigner.builder(Fixtures.KEYS).prefix(PREFIX).encoding(encoding).build();
        verifier = CamoVerifier.builder(Fixtures.KEYS).build();
        naiveCodec = encoding == CamoEncoding.HEX ? BaseEncoding.base16().lowerCase() : BaseEncoding.base64Url().omitPadding();

        String signed = signer.sign(url);
        requestTarget = signed.substring(PREFIX.length());
        Verification<String> v = verifier.verify(requestTarget);
        Fixtures.check(v instanceof Verification.Accepted<String> a && a.request().equals(url), "camo verify rejects " + v);
        Fixtures.check(signed.equals(naiveSign()), "naive camo sign differs from CamoSigner");
        Fixtures.check(naiveVerifyOf(requestTarget) != null, "naive camo verify rejects");
        byte[] digest = naiveCodec.decode(requestTarget.substring(1, requestTarget.indexOf('/', 1)));
        Fixtures.check(Arrays.equals(digest, Fixtures.mac(HmacAlgorithm.SHA1, Fixtures.SECRET_BYTES).doFinal(message)),
                "the floor MACs other bytes than camo");
    }

    @Benchmark
    public String sign() {
        return signer.sign(url);
    }

    @Benchmark
    public Verification<String> verify() {
        return verifier.verify(requestTarget);
    }

    /** HMAC-SHA1 of the URL bytes with a cached {@code Mac}: what sign and verify cannot go below. */
    @Benchmark
    public byte[] floorMac(Floor floor) {
        return floor.mac.doFinal(message);
    }

    /** What a quick implementation does: a new {@code Mac} per call, Guava's {@code BaseEncoding}. */
    @Benchmark
    public String naiveSign() {
        byte[] bytes = url.getBytes(StandardCharsets.UTF_8);
        Mac mac = Fixtures.mac(HmacAlgorithm.SHA1, Fixtures.SECRET_BYTES);
        return PREFIX + "/" + naiveCodec.encode(mac.doFinal(bytes)) + "/" + naiveCodec.encode(bytes);
    }

    /** A quick verifier of the same request target: split on '/', decode with Guava, a new {@code Mac}. */
    @Benchmark
    public String naiveVerify() {
        return naiveVerifyOf(requestTarget);
    }

    private String naiveVerifyOf(String target) {
        String[] parts = target.split("/");
        if (parts.length != 3) {
            return null;
        }
        byte[] digest = naiveCodec.decode(parts[1]);
        byte[] urlBytes = naiveCodec.decode(parts[2]);
        Mac mac = Fixtures.mac(HmacAlgorithm.SHA1, Fixtures.SECRET_BYTES);
        return MessageDigest.isEqual(mac.doFinal(urlBytes), digest) ? new String(urlBytes, StandardCharsets.UTF_8) : null;
    }
}
