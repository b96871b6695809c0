package dev.imgsign.benchmarks;

import com.google.common.io.BaseEncoding;
import dev.imgsign.core.Verification;
import dev.imgsign.core.spi.HmacAlgorithm;
import dev.imgsign.expiring.link.ExpiringLink;
import dev.imgsign.expiring.link.ExpiringLinkSigner;
import dev.imgsign.expiring.link.ExpiringLinkVerifier;
import java.net.URLEncoder;
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
 * Generic expiring links, with a fixed clock. The benchmark URL becomes a link: its host and path form
 * the path ({@code /golang.org/doc/...}) and its query parameters are signed parameters (the long URL
 * has four). Sign and verify against the floor (a cached {@code HmacSHA256} over the same canonical
 * string) and a naive signer (a new {@code Mac} and Guava {@link BaseEncoding} per call).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ExpiringBenchmark {
    private static final String HOST = "https://img.example.org";
    private static final BaseEncoding B64URL = BaseEncoding.base64Url().omitPadding();

    @Param({"short", "long"})
    public String length;

    private ExpiringLink link;
    private byte[] message;
    private ExpiringLinkSigner signer;
    private ExpiringLinkVerifier verifier;
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
        link = linkOf(BenchmarkUrls.url(length), Fixtures.CLOCK.instant().getEpochSecond() + 3600);
        message = canonical(link);
        signer = ExpiringLinkSigner.builder(Fixtures.KEYS).clock(Fixtures.CLOCK).host(HOST).build();
        verifier = ExpiringLinkVerifier.builder(Fixtures.KEYS).clock(Fixtures.CLOCK).build();

        String signed = signer.sign(link);
        requestTarget = signed.substring(HOST.length());
        Verification<ExpiringLink> v = verifier.verify(requestTarget);
        Fixtures.check(v instanceof Verification.Accepted<ExpiringLink> a && a.request().equals(link),
                "expiring verify rejects " + v);
        Fixtures.check(signed.equals(naiveSign()), "naive expiring sign differs from ExpiringLinkSigner");
        byte[] signature = B64URL.decode(signed.substring(signed.lastIndexOf('=') + 1));
        Fixtures.check(Arrays.equals(signature, Fixtures.mac(HmacAlgorithm.SHA256, Fixtures.SECRET_BYTES).doFinal(message)),
                "the floor MACs other bytes than the expiring signer");
    }

    /** {@code scheme://host/path?a=b&c=d} as the link {@code /host/path} with parameters a=b, c=d. */
    static ExpiringLink linkOf(String url, long expiresAt) {
        String rest = url.substring(url.indexOf("://") + 3);
        int q = rest.indexOf('?');
        ExpiringLink link = ExpiringLink.of("/" + (q < 0 ? rest : rest.substring(0, q)), expiresAt);
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                link = link.withParam(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return link;
    }

    /** The canonical string, written out from the format signer-expiring's README documents. */
    private static byte[] canonical(ExpiringLink link) {
        StringBuilder s = new StringBuilder("imgsign-expiring-v1\n");
        s.append(utf8Length(link.path())).append(':').append(link.path()).append('\n');
        s.append(link.params().size()).append('\n');
        for (ExpiringLink.QueryParam p : link.params()) {
            s.append(utf8Length(p.name())).append(':').append(p.name())
                    .append(utf8Length(p.value())).append(':').append(p.value()).append('\n');
        }
        s.append(link.expiresAt());
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Benchmark
    public String sign() {
        return signer.sign(link);
    }

    @Benchmark
    public Verification<ExpiringLink> verify() {
        return verifier.verify(requestTarget);
    }

    /** HMAC-SHA256 of the canonical string with a cached {@code Mac}. */
    @Benchmark
    public byte[] floorMac(Floor floor) {
        return floor.mac.doFinal(message);
    }

    /** A quick signer: canonical string in a StringBuilder, a new {@code Mac}, URLEncoder, Guava base64url. */
    @Benchmark
    public String naiveSign() {
        Mac mac = Fixtures.mac(HmacAlgorithm.SHA256, Fixtures.SECRET_BYTES);
        String signature = B64URL.encode(mac.doFinal(canonical(link)));
        StringBuilder url = new StringBuilder(HOST).append(link.path()).append('?');
        for (ExpiringLink.QueryParam p : link.params()) {
            url.append(URLEncoder.encode(p.name(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(p.value(), StandardCharsets.UTF_8)).append('&');
        }
        return url.append("expires=").append(link.expiresAt()).append("&signature=").append(signature).toString();
    }
}
