package dev.imgsign.benchmarks;

import com.google.common.io.BaseEncoding;
import dev.imgsign.core.spi.HmacAlgorithm;
import dev.imgsign.core.Verification;
import dev.imgsign.thumbor.ThumborOptions;
import dev.imgsign.thumbor.ThumborRequest;
import dev.imgsign.thumbor.ThumborSigner;
import dev.imgsign.thumbor.ThumborVerifier;
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
 * thumbor: sign and verify {@code /<sig>/300x200/smart/<image url>} against the floor (a cached
 * {@code HmacSHA1} over exactly the signed text) and a naive implementation ({@code Mac.getInstance} +
 * {@code init} per call, Guava {@link BaseEncoding}, the image URL written as given and no read-back).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ThumborBenchmark {
    private static final ThumborOptions OPTIONS = ThumborOptions.builder().size(300, 200).smart(true).build();

    @Param({"short", "long"})
    public String length;

    private String image;
    private byte[] message;
    private ThumborSigner signer;
    private ThumborVerifier verifier;
    private String requestTarget;
    private final BaseEncoding naiveCodec = BaseEncoding.base64Url();

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
        image = BenchmarkUrls.url(length);
        signer = ThumborSigner.builder(Fixtures.KEYS).build();
        verifier = ThumborVerifier.builder(Fixtures.KEYS).build();
        requestTarget = signer.sign(ThumborRequest.of(OPTIONS, image));
        message = requestTarget.substring(30).getBytes(StandardCharsets.US_ASCII);
        Verification<ThumborRequest> v = verifier.verify(requestTarget);
        Fixtures.check(v instanceof Verification.Accepted<ThumborRequest> a && a.request().imageUrl().equals(image),
                "thumbor verify rejects " + v);
        byte[] signature = naiveCodec.decode(requestTarget.substring(1, 29));
        Fixtures.check(Arrays.equals(signature, Fixtures.mac(HmacAlgorithm.SHA1, Fixtures.SECRET_BYTES).doFinal(message)),
                "the floor MACs other bytes than thumbor");
        Fixtures.check(naiveVerifyOf(requestTarget) != null, "naive thumbor verify rejects");
        if (length.equals("short")) {
            Fixtures.check(requestTarget.equals(naiveSign()), "naive thumbor sign differs from ThumborSigner");
        }
    }

    @Benchmark
    public String sign() {
        return signer.sign(OPTIONS, image);
    }

    @Benchmark
    public Verification<ThumborRequest> verify() {
        return verifier.verify(requestTarget);
    }

    /** HMAC-SHA1 of the signed text with a cached {@code Mac}: what sign and verify cannot go below. */
    @Benchmark
    public byte[] floorMac(Floor floor) {
        return floor.mac.doFinal(message);
    }

    /** What a quick implementation (libthumbor's way) does: no escaping, a new {@code Mac} per call. */
    @Benchmark
    public String naiveSign() {
        String text = "300x200/smart/" + image;
        Mac mac = Fixtures.mac(HmacAlgorithm.SHA1, Fixtures.SECRET_BYTES);
        return "/" + naiveCodec.encode(mac.doFinal(text.getBytes(StandardCharsets.UTF_8))) + "/" + text;
    }

    /** A quick verifier: cut after the second '/', a new {@code Mac}, compare the decoded signature. */
    @Benchmark
    public String naiveVerify() {
        return naiveVerifyOf(requestTarget);
    }

    private String naiveVerifyOf(String target) {
        int slash = target.indexOf('/', 1);
        if (slash < 0) {
            return null;
        }
        byte[] signature = naiveCodec.decode(target.substring(1, slash));
        String text = target.substring(slash + 1);
        Mac mac = Fixtures.mac(HmacAlgorithm.SHA1, Fixtures.SECRET_BYTES);
        return MessageDigest.isEqual(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)), signature) ? text : null;
    }
}
