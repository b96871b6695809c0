package dev.imgsign.expiring.weekly;

import dev.imgsign.core.internal.SignedUrls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.imgsign.core.KeySet;
import dev.imgsign.core.SigningKey;
import dev.imgsign.core.Verification;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Fuzz target for the weekly-key verifier in its configurations (bucket and first protocol, with and
 * without {@code /proxy} in the message). Inputs are request targets read as UTF-8.
 *
 * <p>{@code mvn -B verify} replays {@code src/test/resources/dev/imgsign/expiring/weekly/WeeklyFuzzTestInputs/weekly/};
 * {@code JAZZER_FUZZ=1} fuzzes it (see the root README, "Robustness").
 */
class WeeklyFuzzTest {
    /** The vectors' secret and instant (2021-12-28T22:20:00Z), so the seeds hold accepted links. */
    private static final KeySet KEYS = KeySet.of(SigningKey.ofUtf8("1234"), SigningKey.ofUtf8("older"));
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1640730000L), ZoneOffset.UTC);

    private static final Config[] CONFIGS = {
        new Config(WeeklyProtocol.BUCKET, true, 1),
        new Config(WeeklyProtocol.BUCKET, false, 0),
        new Config(WeeklyProtocol.FIRST_VERSION, true, 2),
    };

    private static final class Config {
        final WeeklyLinkVerifier verifier;
        final WeeklyLinkSigner signer;

        Config(WeeklyProtocol protocol, boolean proxyInMessage, int graceWeeks) {
            verifier = WeeklyLinkVerifier.builder(KEYS).clock(CLOCK).protocol(protocol)
                    .proxyInMessage(proxyInMessage).graceWeeks(graceWeeks).build();
            signer = WeeklyLinkSigner.builder(KEYS).clock(CLOCK).protocol(protocol)
                    .proxyInMessage(proxyInMessage).passThroughNonHttp(false).build();
        }
    }

    @FuzzTest(maxDuration = "5m")
    void weekly(byte[] input) {
        String target = new String(input, StandardCharsets.UTF_8);
        for (Config c : CONFIGS) {
            Verification<WeeklyLink> v = c.verifier.verify(target);
            assertNotNull(v);
            if (v instanceof Verification.Rejected<WeeklyLink> r) {
                assertNotNull(r.reason());
                assertNotNull(r.detail());
                assertTrue(r.httpStatus() == 400 || r.httpStatus() == 410 || r.httpStatus() == 414, r.toString());
                continue;
            }
            assertFalse(SignedUrls.rawControlOrSpace(target) >= 0, "raw control character or space accepted");
            WeeklyLink link = v.orElseThrow();
            String again = c.signer.sign(link);
            assertEquals(new Verification.Accepted<>(link, 0, ""), c.verifier.verify(again), again);
        }
    }
}
