package dev.imgsign.benchmarks;

import dev.imgsign.core.Verification;
import dev.imgsign.imageproxy.ImageproxyRequest;
import dev.imgsign.imageproxy.ImageproxyVerifier;
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
 * The willnorris/imageproxy verifier's worst case: a request target at the default length cap (8 KiB)
 * that every parsing step has to walk (issue 14 target: 100 µs).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ImageproxyWorstCaseBenchmark {
    /**
     * {@code percent-path}: {@code %41} repeated, the whole path; {@code percent-remote}: options then a
     * percent-encoded remote URL of {@code %41}; {@code long-options}: one huge options segment.
     */
    @Param({"percent-path", "percent-remote", "long-options"})
    public String worst;

    private ImageproxyVerifier verifier;
    private String worstTarget;

    @Setup
    public void setUp() {
        verifier = ImageproxyVerifier.builder(Fixtures.KEYS).clock(Fixtures.CLOCK).build();
        int cap = ImageproxyVerifier.DEFAULT_MAX_LENGTH;
        StringBuilder b = new StringBuilder(cap);
        switch (worst) {
            case "percent-path" -> b.append('/');
            case "percent-remote" -> b.append("/0x0/https%3A%2F%2Fexample.com%2F");
            case "long-options" -> {
                b.append('/');
                while (b.length() < cap - 40) {
                    b.append("1x1,");
                }
                b.append("/http://example.com/a.png");
            }
            default -> throw new IllegalArgumentException(worst);
        }
        while (b.length() + 3 <= cap) {
            b.append("%41");
        }
        worstTarget = b.toString();
        Fixtures.check(!verifier.verify(worstTarget).isAccepted(), "the worst case is accepted");
    }

    @Benchmark
    public Verification<ImageproxyRequest> verifyWorstCase() {
        return verifier.verify(worstTarget);
    }
}
