package dev.imgsign.benchmarks;

import com.google.common.io.BaseEncoding;
import dev.imgsign.core.spi.HmacAlgorithm;
import dev.imgsign.core.Verification;
import dev.imgsign.core.KeySet;
import dev.imgsign.core.SigningKey;
import dev.imgsign.imgproxy.ImgproxyOptions;
import dev.imgsign.imgproxy.ImgproxyRequest;
import dev.imgsign.imgproxy.ImgproxySigner;
import dev.imgsign.imgproxy.ImgproxyVerifier;
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
 * imgproxy with two options ({@code rs:fill:300:200/q:75}) and a base64 source: sign and verify (v4)
 * against the floor (a cached {@code HmacSHA256} over exactly the salt and path bytes the server MACs) and a
 * naive signer ({@code Mac.getInstance} + {@code init} per call, Guava's base64url, no server check).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ImgproxyBenchmark {
    private static final String BASE = "https://img.example.org";
    private static final byte[] SALT = "benchmark-salt".getBytes(StandardCharsets.UTF_8);
    private static final BaseEncoding BASE64URL = BaseEncoding.base64Url().omitPadding();

    @Param({"short", "long"})
    public String length;

    private ImgproxyRequest request;
    private String path;
    private byte[] message;
    private ImgproxySigner signer;
    private ImgproxyVerifier verifier;
    private String requestTarget;

    /** The floor's {@code Mac}, one per benchmark thread. */
    @State(Scope.Thread)
    public static class Floor {
        Mac mac;

        @Setup
        public void setUp() {
            mac = Fixtures.mac(HmacAlgorithm.SHA256, Fixtures.SECRET_BYTES);
        }
    }

    @Setup
    public void setUp() {
        String url = BenchmarkUrls.url(length);
        ImgproxyOptions options = ImgproxyOptions.builder().resize(ImgproxyOptions.ResizingType.FILL, 300, 200).quality(75).build();
        request = ImgproxyRequest.of(options, url);
        path = "/" + options + "/" + BASE64URL.encode(url.getBytes(StandardCharsets.UTF_8));
        byte[] pathBytes = path.getBytes(StandardCharsets.UTF_8);
        message = new byte[SALT.length + pathBytes.length];
        System.arraycopy(SALT, 0, message, 0, SALT.length);
        System.arraycopy(pathBytes, 0, message, SALT.length, pathBytes.length);
        KeySet keys = KeySet.of(SigningKey.ofBytes(Fixtures.SECRET_BYTES));
        KeySet salts = KeySet.of(SigningKey.ofBytes(SALT));
        signer = ImgproxySigner.builder(keys).salts(salts).baseUrl(BASE).build();
        verifier = ImgproxyVerifier.builder(keys).salts(salts).build();

        String signed = signer.sign(request);
        requestTarget = signed.substring(BASE.length());
        Verification<ImgproxyRequest> v = verifier.verify(requestTarget);
        Fixtures.check(v instanceof Verification.Accepted<ImgproxyRequest> a && a.request().equals(request),
                "imgproxy verify rejects " + v);
        Fixtures.check(signed.equals(naiveSign()), "naive imgproxy sign differs from ImgproxySigner");
        String floorSignature = BASE64URL.encode(Fixtures.mac(HmacAlgorithm.SHA256, Fixtures.SECRET_BYTES).doFinal(message));
        Fixtures.check(requestTarget.equals("/" + floorSignature + path), "the floor MACs other bytes than imgproxy");
    }

    @Benchmark
    public String sign() {
        return signer.sign(request);
    }

    @Benchmark
    public Verification<ImgproxyRequest> verify() {
        return verifier.verify(requestTarget);
    }

    /** HMAC-SHA256 of salt ‖ path with a cached {@code Mac}. */
    @Benchmark
    public byte[] floorMac(Floor floor) {
        return floor.mac.doFinal(message);
    }

    /** A quick signer: a new {@code Mac} per call, Guava base64url, no check that the server reads it back. */
    @Benchmark
    public String naiveSign() {
        Mac mac = Fixtures.mac(HmacAlgorithm.SHA256, Fixtures.SECRET_BYTES);
        mac.update(SALT);
        String p = "/" + request.options() + "/" + BASE64URL.encode(request.sourceUrl().getBytes(StandardCharsets.UTF_8));
        return BASE + "/" + BASE64URL.encode(mac.doFinal(p.getBytes(StandardCharsets.UTF_8))) + p;
    }
}
