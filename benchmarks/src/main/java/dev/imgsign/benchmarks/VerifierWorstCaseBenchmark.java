package dev.imgsign.benchmarks;

import dev.imgsign.camo.CamoDialect;
import dev.imgsign.camo.CamoVerifier;
import dev.imgsign.core.KeySet;
import dev.imgsign.core.SigningKey;
import dev.imgsign.core.UrlVerifier;
import dev.imgsign.core.Verification;
import dev.imgsign.imgproxy.ImgproxyVerifier;
import dev.imgsign.thumbor.ThumborVerifier;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
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
 * The worst case of the Camo, imgproxy and thumbor verifiers (imageproxy's and the expiring schemes' have
 * their own benchmarks): a request target at the verifier's default length cap whose every character the
 * slow, general path has to decode (issue 14 target: 100 µs). Each is a forgery, so it is refused.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class VerifierWorstCaseBenchmark {
    /**
     * {@code go-camo}: a digest then a path of {@code %41}, percent-decoded before base64;
     * {@code atmos-camo}: a query {@code ?url=} of {@code %C3%A9} (non-ASCII, so Node's general decoding);
     * {@code imgproxy}: a plain source of {@code %41} after {@code /plain/}; {@code thumbor}: an image URL of
     * {@code %41} after the signature.
     */
    @Param({"go-camo", "atmos-camo", "imgproxy", "thumbor"})
    public String verifierName;

    private UrlVerifier<?> verifier;
    private String worstTarget;

    @Setup
    public void setUp() {
        int cap;
        String head;
        String unit = "%41";
        switch (verifierName) {
            case "go-camo" -> {
                verifier = CamoVerifier.builder(Fixtures.KEYS).build();
                cap = CamoVerifier.DEFAULT_MAX_LENGTH;
                head = "/" + "A".repeat(27) + "/";
            }
            case "atmos-camo" -> {
                verifier = CamoVerifier.builder(Fixtures.KEYS).dialect(CamoDialect.ATMOS_CAMO).build();
                cap = CamoVerifier.DEFAULT_MAX_LENGTH;
                head = "/" + "0".repeat(40) + "?url=";
                unit = "%C3%A9";
            }
            case "imgproxy" -> {
                KeySet salts = KeySet.of(SigningKey.ofBytes("salt".getBytes(StandardCharsets.UTF_8)));
                verifier = ImgproxyVerifier.builder(Fixtures.KEYS).salts(salts).build();
                cap = ImgproxyVerifier.DEFAULT_MAX_LENGTH;
                head = "/" + "A".repeat(43) + "/rs:fill:300:200/plain/http://example.com/";
            }
            case "thumbor" -> {
                verifier = ThumborVerifier.builder(Fixtures.KEYS).build();
                cap = ThumborVerifier.DEFAULT_MAX_LENGTH;
                head = "/" + "A".repeat(28) + "/300x200/http://example.com/";
            }
            default -> throw new IllegalArgumentException(verifierName);
        }
        StringBuilder b = new StringBuilder(cap).append(head);
        while (b.length() + unit.length() <= cap) {
            b.append(unit);
        }
        worstTarget = b.toString();
        Fixtures.check(!verifier.verify(worstTarget).isAccepted(), "the worst case is accepted");
    }

    @Benchmark
    public Verification<?> verifyWorstCase() {
        return verifier.verify(worstTarget);
    }
}
