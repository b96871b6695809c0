package dev.imgsign.benchmarks;

import com.google.common.io.BaseEncoding;
import dev.imgsign.core.spi.HmacAlgorithm;
import dev.imgsign.core.Verification;
import dev.imgsign.imageproxy.ImageproxyOptions;
import dev.imgsign.imageproxy.ImageproxyRequest;
import dev.imgsign.imageproxy.ImageproxySigner;
import dev.imgsign.imageproxy.ImageproxyVerifier;
import java.nio.charset.StandardCharsets;
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
 * willnorris/imageproxy with three options ({@value #OPTIONS}), URL and options signed: sign and
 * verify against the floor (a cached {@code HmacSHA256} over the same {@code url#options} bytes) and a
 * naive signer ({@code Mac.getInstance} + {@code init} per call, Guava {@link BaseEncoding}).
 * The verifier requires signed options (the README's recommendation), so it computes one MAC.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ImageproxyBenchmark {
    static final String OPTIONS = "300x200,fit,q75";
    private static final String BASE = "https://img.example.org";
    /** A short URL the signer must escape: non-ASCII and a space in the path, both in the query too. */
    static final String SHORT_ESCAPED = "http://example.com/bücher/a b.png?q=ä ö";
    /** The long URL with a non-ASCII, spaced segment and a query that needs escaping. */
    static final String LONG_ESCAPED = BenchmarkUrls.LONG.replace("/uploads/", "/übersicht mit leerzeichen/")
            .replace("utm_source=newsletter", "utm_source=news letter&q=\"grüße\"");

    /** {@code short}, {@code long}: plain URLs; {@code *-escaped}: non-ASCII path, spaces and a query to escape. */
    @Param({"short", "long", "short-escaped", "long-escaped"})
    public String length;

    private String url;
    private ImageproxyOptions options;
    private byte[] message;
    private ImageproxySigner signer;
    private ImageproxyVerifier verifier;
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
        url = switch (length) {
            case "short-escaped" -> SHORT_ESCAPED;
            case "long-escaped" -> LONG_ESCAPED;
            default -> BenchmarkUrls.url(length);
        };
        boolean plain = !length.endsWith("-escaped");
        options = ImageproxyOptions.parse(OPTIONS);
        signer = ImageproxySigner.builder(Fixtures.KEYS).baseUrl(BASE).build();
        verifier = ImageproxyVerifier.builder(Fixtures.KEYS).requireSignedOptions(true)
                .clock(Fixtures.CLOCK).build();

        String signed = signer.sign(url, options);
        requestTarget = signed.substring(BASE.length());
        Verification<ImageproxyRequest> v = verifier.verify(requestTarget);
        Fixtures.check(v instanceof Verification.Accepted<ImageproxyRequest> a
                && (!plain || a.request().remoteUrl().equals(url)), "imageproxy verify rejects " + v);
        // The floor MACs what the signer MACs: the URL as the server rebuilds it (escaped), then #options.
        String normalised = ((Verification.Accepted<ImageproxyRequest>) v).request().remoteUrl();
        message = (normalised + "#" + options.canonicalWithoutSignature()).getBytes(StandardCharsets.UTF_8);
        Fixtures.check(!plain || signed.equals(naiveSign()), "naive imageproxy sign differs from ImageproxySigner");
        byte[] signature = BaseEncoding.base64Url().decode(signer.signature(url, options));
        Fixtures.check(Arrays.equals(signature, Fixtures.mac(HmacAlgorithm.SHA256, Fixtures.SECRET_BYTES).doFinal(message)),
                "the floor MACs other bytes than imageproxy");
    }

    @Benchmark
    public String sign() {
        return signer.sign(url, options);
    }

    @Benchmark
    public Verification<ImageproxyRequest> verify() {
        return verifier.verify(requestTarget);
    }

    /** HMAC-SHA256 of {@code url#options} with a cached {@code Mac}. */
    @Benchmark
    public byte[] floorMac(Floor floor) {
        return floor.mac.doFinal(message);
    }

    /** A quick signer: no URL normalisation, a new {@code Mac} per call, Guava's padded base64url. */
    @Benchmark
    public String naiveSign() {
        Mac mac = Fixtures.mac(HmacAlgorithm.SHA256, Fixtures.SECRET_BYTES);
        byte[] digest = mac.doFinal((url + "#" + options.canonicalWithoutSignature()).getBytes(StandardCharsets.UTF_8));
        String signature = BaseEncoding.base64Url().encode(digest);
        return BASE + "/" + options.withSignature(signature) + "/" + url;
    }
}
