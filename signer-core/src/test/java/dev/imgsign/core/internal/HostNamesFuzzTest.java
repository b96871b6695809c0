package dev.imgsign.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target for host normalisation. Each input, read as UTF-8, is a host: {@code canonical} and
 * {@code specialPurpose} answer without throwing, a canonical host is ASCII lower case and its own
 * canonical form with the same verdict, and a host without canonical form is refused.
 *
 * <p>{@code mvn -B verify} replays {@code src/test/resources/dev/imgsign/core/internal/HostNamesFuzzTestInputs/hosts/};
 * {@code JAZZER_FUZZ=1} fuzzes (see the root README, "Robustness").
 */
class HostNamesFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void hosts(byte[] input) {
        String host = new String(input, StandardCharsets.UTF_8);
        String canonical = HostNames.canonical(host);
        String reason = HostNames.specialPurpose(host);
        if (canonical == null) {
            assertNotNull(reason);
            return;
        }
        assertEquals(canonical, HostNames.canonical(canonical));
        assertEquals(reason, HostNames.specialPurpose(canonical));
        for (int i = 0; i < canonical.length(); i++) {
            char c = canonical.charAt(i);
            assertTrue(c > 0x20 && c < 0x7f && c != '%' && !(c >= 'A' && c <= 'Z'), canonical);
        }
    }
}
