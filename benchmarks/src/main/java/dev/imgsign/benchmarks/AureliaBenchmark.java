package dev.imgsign.benchmarks;

import dev.imgsign.core.Rejection;
import dev.imgsign.core.Verification;
import dev.imgsign.expiring.aurelia.AureliaLink;
import dev.imgsign.expiring.aurelia.AureliaLinkSigner;
import dev.imgsign.expiring.aurelia.AureliaLinkVerifier;
import java.time.Duration;
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
 * What an aurelia link costs the verifier (seed 001's format, one key), with a fixed clock. A
 * well-formed hash with a wrong digest is the attacker's cheapest full-cost request: one PBKDF2 run
 * (4096 rounds, 8192 HMAC-SHA1). Run with {@code -prof gc} to see the allocation per check. The
 * expired and far-future links show what the checks made before the PBKDF2 cost.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class AureliaBenchmark {
    private AureliaLinkVerifier verifier;
    private String valid;
    private String wrongHash;
    private String expired;
    private String farFuture;

    @Setup
    public void setUp() {
        AureliaLinkSigner signer = AureliaLinkSigner.builder(Fixtures.KEYS).clock(Fixtures.CLOCK).build();
        verifier = AureliaLinkVerifier.builder(Fixtures.KEYS).clock(Fixtures.CLOCK).build();
        valid = signer.sign("/avatar/image.jpg", Duration.ofMinutes(10));
        // Flip the digest's last hex digit: still 64 lower-case hex digits, so the full PBKDF2 runs.
        int amp = valid.indexOf("&expires_at=");
        char last = valid.charAt(amp - 1);
        wrongHash = valid.substring(0, amp - 1) + (last == '0' ? '1' : '0') + valid.substring(amp);
        long now = Fixtures.CLOCK.instant().getEpochSecond();
        String signature = valid.substring(valid.indexOf("signature="), amp);
        expired = "/avatar/image.jpg?" + signature + "&expires_at=" + (now - 60);
        farFuture = "/avatar/image.jpg?" + signature + "&expires_at=" + (now * 10);

        Fixtures.check(verifier.verify(valid) instanceof Verification.Accepted<AureliaLink>, "valid link rejected");
        Fixtures.check(verifier.verify(wrongHash).rejection().orElseThrow() == Rejection.BAD_SIGNATURE,
                "wrong hash not a bad signature");
        Fixtures.check(verifier.verify(expired).rejection().orElseThrow() == Rejection.EXPIRED, "expired not EXPIRED");
        Fixtures.check(verifier.verify(farFuture).rejection().orElseThrow() == Rejection.BAD_SIGNATURE,
                "far future not refused");
    }

    @Benchmark
    public Verification<AureliaLink> verifyValid() {
        return verifier.verify(valid);
    }

    @Benchmark
    public Verification<AureliaLink> verifyWrongHash() {
        return verifier.verify(wrongHash);
    }

    @Benchmark
    public Verification<AureliaLink> verifyExpired() {
        return verifier.verify(expired);
    }

    @Benchmark
    public Verification<AureliaLink> verifyFarFuture() {
        return verifier.verify(farFuture);
    }
}
