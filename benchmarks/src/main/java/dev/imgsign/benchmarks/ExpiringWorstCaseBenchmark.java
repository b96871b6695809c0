package dev.imgsign.benchmarks;

import dev.imgsign.core.Rejection;
import dev.imgsign.core.Verification;
import dev.imgsign.expiring.link.ExpiringLink;
import dev.imgsign.expiring.link.ExpiringLinkVerifier;
import dev.imgsign.expiring.weekly.WeeklyLink;
import dev.imgsign.expiring.weekly.WeeklyLinkVerifier;
import java.util.Base64;
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
 * The costliest requests found for the weekly and generic expiring verifiers at their default length
 * cap (4096 characters, default settings, one key); the target is at most 100 µs each. Weekly: a
 * forged 16-character signature over a 4 KiB ext_url costs the most MACs (this week and the grace
 * week, then next week and four expired weeks to classify the failure: 7 HMACs over ~4 KiB); the same
 * with every ext_url character percent-escaped takes the decoding path. Expiring: a forged signature
 * over the longest path (2048 characters) and a plain parameter up to the cap (one HMAC over the
 * longest canonical string), and 32 parameters made of escapes
 * (the most decoding).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ExpiringWorstCaseBenchmark {
    private static final int CAP = 4096;
    private static final String FORGED_WEEKLY_SIGNATURE = "AAAAAAAAAAAAAAAA";
    private static final String FORGED_SIGNATURE = "A".repeat(43);

    private WeeklyLinkVerifier weekly;
    private ExpiringLinkVerifier expiring;
    private String weeklyForged;
    private String weeklyEscaped;
    private String expiringLongPath;
    private String expiringEscapedParams;

    @Setup
    public void setUp() {
        weekly = WeeklyLinkVerifier.builder(Fixtures.KEYS).clock(Fixtures.CLOCK).build();
        expiring = ExpiringLinkVerifier.builder(Fixtures.KEYS).clock(Fixtures.CLOCK).build();

        String head = "/i/250x/" + FORGED_WEEKLY_SIGNATURE + "/";
        String ext = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("https://example.com/" + "a".repeat(CAP)).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        weeklyForged = head + ext.substring(0, CAP - head.length());
        StringBuilder escaped = new StringBuilder(head);
        for (int i = 0; escaped.length() + 3 <= CAP; i++) {
            escaped.append('%').append(Integer.toHexString(0x100 | ext.charAt(i)), 1, 3);
        }
        weeklyEscaped = escaped.toString();

        String tail = "?expires=1800000000&signature=" + FORGED_SIGNATURE;
        // The longest path the verifier takes (2048), a plain parameter filling the rest of the cap.
        String path = "/" + "p".repeat(2047) + "?v=";
        expiringLongPath = path + "q".repeat(CAP - path.length() - tail.length()) + "&" + tail.substring(1);
        StringBuilder params = new StringBuilder("/p?");
        String pair = "%41%42%43%44%45%46%47%48%49%4A%4B%4C%4D%4E%4F%50%51%52%53%54%55%56%57%58%59%5A%61%62%63%64%65%66"
                + "=%41%42%43%44%45%46%47%48%49%4A%4B%4C%4D%4E%4F%50%51%52%53%54%55%56%57%58%59%5A%61%62%63%64%65%66"
                + "%41%42%43%44%45%46%47%48%49%4A%4B%4C%4D%4E%4F&";
        for (int i = 0; i < 32 && params.length() + pair.length() + tail.length() <= CAP; i++) {
            params.append(pair);
        }
        expiringEscapedParams = params.append(tail.substring(1)).toString();

        for (String target : new String[] {weeklyForged, weeklyEscaped}) {
            Fixtures.check(target.length() <= CAP, "weekly target longer than the cap");
            Verification<WeeklyLink> v = weekly.verify(target);
            Fixtures.check(v.rejection().orElse(null) == Rejection.BAD_SIGNATURE, "weekly worst case answers " + v);
        }
        for (String target : new String[] {expiringLongPath, expiringEscapedParams}) {
            Fixtures.check(target.length() <= CAP, "expiring target longer than the cap");
            Verification<ExpiringLink> v = expiring.verify(target);
            Fixtures.check(v.rejection().orElse(null) == Rejection.BAD_SIGNATURE, "expiring worst case answers " + v);
        }
    }

    @Benchmark
    public Verification<WeeklyLink> weeklyForged() {
        return weekly.verify(weeklyForged);
    }

    @Benchmark
    public Verification<WeeklyLink> weeklyEscaped() {
        return weekly.verify(weeklyEscaped);
    }

    @Benchmark
    public Verification<ExpiringLink> expiringLongPath() {
        return expiring.verify(expiringLongPath);
    }

    @Benchmark
    public Verification<ExpiringLink> expiringEscapedParams() {
        return expiring.verify(expiringEscapedParams);
    }
}
