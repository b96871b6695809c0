package dev.imgsign.benchmarks;

import dev.imgsign.imageproxy.ImageproxyOptions;
import dev.imgsign.imageproxy.ImageproxySigner;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * imageproxy's options segment as a verifier meets it ({@code 300x200,fit,q75,s<signature>}): parsed
 * with {@link ImageproxyOptions#parse}, printed in canonical form with {@code toString}, and both.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ImageproxyOptionsBenchmark {
    static final String EXPIRING = "400x400,q40,vu1900000000";

    private String segment;
    private ImageproxyOptions parsed;

    @Setup
    public void setUp() {
        ImageproxyOptions options = ImageproxyOptions.parse(ImageproxyBenchmark.OPTIONS);
        String signature = ImageproxySigner.builder(Fixtures.KEYS).baseUrl("").build()
                .signature(BenchmarkUrls.SHORT, options);
        // Not canonical order, as a hand-written URL may have it.
        segment = "q75,fit,s" + signature + ",300x200";
        parsed = ImageproxyOptions.parse(segment);
        Fixtures.check(parsed.equals(options.withSignature(signature)), "options did not parse");
        Fixtures.check(parsed.toString().equals("300x200,fit,q75,s" + signature), "canonical form is " + parsed);
    }

    /** Issue 14's target (150 ns): an expiring thumbnail's options, parsed and printed canonically. */
    @Benchmark
    public String parseThenCanonicalExpiring() {
        return ImageproxyOptions.parse(EXPIRING).canonicalWithoutSignature();
    }

    @Benchmark
    public ImageproxyOptions parse() {
        return ImageproxyOptions.parse(segment);
    }

    @Benchmark
    public String canonicalToString() {
        return parsed.toString();
    }

    @Benchmark
    public String parseThenToString() {
        return ImageproxyOptions.parse(segment).toString();
    }
}
