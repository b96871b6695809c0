package dev.imgsign.benchmarks;

import com.google.common.io.BaseEncoding;
import dev.imgsign.core.Verification;
import dev.imgsign.core.spi.HmacAlgorithm;
import dev.imgsign.expiring.weekly.WeeklyLink;
import dev.imgsign.expiring.weekly.WeeklyLinkSigner;
import dev.imgsign.expiring.weekly.WeeklyLinkVerifier;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
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
 * Weekly-key bucket links (Gazelle / imageproxy-py), a resized image in bucket {@code i}, with a fixed
 * clock: sign and verify against the floor (a cached {@code HmacSHA256} keyed with secret + ISO week,
 * over the same {@code bucket/ext_url} bytes) and a naive Gazelle-like signer (week computed, a new
 * {@code Mac} and Guava {@link BaseEncoding} per call).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class WeeklyBenchmark {
    private static final String HOST = "https://img.example.org";
    private static final BaseEncoding B64URL = BaseEncoding.base64Url().omitPadding();

    @Param({"short", "long"})
    public String length;

    private WeeklyLink link;
    private byte[] message;
    private byte[] weekKey;
    private WeeklyLinkSigner signer;
    private WeeklyLinkVerifier verifier;
    private String requestTarget;

    /** The floor's {@code Mac} (this week's key), one per benchmark thread. */
    @State(Scope.Thread)
    public static class Floor {
        Mac mac;

        @Setup
        public void setUp(WeeklyBenchmark b) {
            mac = Fixtures.mac(HmacAlgorithm.SHA256, b.weekKey);
        }
    }

    @Setup
    public void setUp() {
        String url = BenchmarkUrls.url(length);
        link = WeeklyLink.resized("i", url, 250, 0);
        message = ("i/" + B64URL.encode(url.getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.US_ASCII);
        weekKey = naiveWeekKey();
        signer = WeeklyLinkSigner.builder(Fixtures.KEYS).clock(Fixtures.CLOCK).host(HOST).build();
        verifier = WeeklyLinkVerifier.builder(Fixtures.KEYS).clock(Fixtures.CLOCK).build();

        String signed = signer.sign(link);
        requestTarget = signed.substring(HOST.length());
        Verification<WeeklyLink> v = verifier.verify(requestTarget);
        Fixtures.check(v instanceof Verification.Accepted<WeeklyLink> a && a.request().equals(link),
                "weekly verify rejects " + v);
        Fixtures.check(signed.equals(naiveSign()), "naive weekly sign differs from WeeklyLinkSigner");
        byte[] signature = B64URL.decode(requestTarget.split("/")[3]);
        byte[] full = Fixtures.mac(HmacAlgorithm.SHA256, weekKey).doFinal(message);
        Fixtures.check(Arrays.equals(signature, Arrays.copyOf(full, 12)), "the floor MACs other bytes than weekly");
    }

    @Benchmark
    public String sign() {
        return signer.sign(link);
    }

    @Benchmark
    public Verification<WeeklyLink> verify() {
        return verifier.verify(requestTarget);
    }

    /** HMAC-SHA256 of {@code i/<ext_url>} under this week's key, with a cached {@code Mac}. */
    @Benchmark
    public byte[] floorMac(Floor floor) {
        return floor.mac.doFinal(message);
    }

    /** As Gazelle does it: this week's key, a new {@code Mac}, Guava's unpadded base64url, per call. */
    @Benchmark
    public String naiveSign() {
        String extUrl = B64URL.encode(link.imageUrl().getBytes(StandardCharsets.UTF_8));
        Mac mac = Fixtures.mac(HmacAlgorithm.SHA256, naiveWeekKey());
        byte[] digest = mac.doFinal((link.bucket() + "/" + extUrl).getBytes(StandardCharsets.UTF_8));
        String signature = B64URL.encode(digest, 0, 12);
        return HOST + "/" + link.bucket() + "/" + link.sizeSegment() + "/" + signature + "/" + extUrl;
    }

    private byte[] naiveWeekKey() {
        ZonedDateTime now = ZonedDateTime.now(Fixtures.CLOCK).withZoneSameInstant(ZoneOffset.UTC);
        String week = String.format("%04d%02d", now.get(IsoFields.WEEK_BASED_YEAR), now.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return (Fixtures.SECRET + week).getBytes(StandardCharsets.UTF_8);
    }
}
