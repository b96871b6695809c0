package dev.imgsign.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Commands build through the scheme providers: a value the provider refuses is a usage error naming the flag. */
class ProviderOptionsTest {
    private static final String KEY = "a test key of more than sixteen bytes";

    @Test
    void refusedValuesNameTheFlagThatSetThem() {
        assertUsage("--protocol", "weekly", "sign", "-k", KEY, "--protocol", "v2", "http://example.net/a.png");
        assertUsage("--encoding", "camo", "encode", "-k", KEY, "--encoding", "hexx", "http://example.net/a.png");
        assertUsage("--dialect", "camo", "decode", "-k", KEY, "--dialect", "nginx", "/x");
        assertUsage("--format", "expiring", "sign", "-k", KEY, "--format", "jwt", "/a.png");
        assertUsage("--server", "imgproxy", "verify", "-k", "0123456789abcdef", "-s", "fedcba98", "--server", "v5", "/x");
        assertUsage("--signature-size", "imgproxy", "sign", "-k", "0123456789abcdef", "-s", "fedcba98",
                "--signature-size", "33", "http://example.net/a.png");
    }

    @Test
    void optionsReachTheProvider() {
        CliRunner.Outcome signed = CliRunner.run("weekly", "sign", "-k", KEY, "--at", "2026-11-22T10:00:00Z",
                "--protocol", "v1", "--host", "https://img.example.org", "http://example.net/a.png");
        assertEquals(0, signed.status(), signed.err());
        assertTrue(signed.out().startsWith("https://img.example.org/"), signed.out());
        CliRunner.Outcome verified = CliRunner.run("weekly", "verify", "-k", KEY, "--at", "2026-11-22T10:00:00Z",
                "--protocol", "v1", signed.out().strip());
        assertEquals(0, verified.status(), verified.out());
        CliRunner.Outcome otherProtocol = CliRunner.run("weekly", "verify", "-k", KEY, "--at", "2026-11-22T10:00:00Z",
                signed.out().strip());
        assertEquals(Imgsign.REJECTED, otherProtocol.status(), otherProtocol.out());
    }

    private static void assertUsage(String flag, String... args) {
        CliRunner.Outcome outcome = CliRunner.run(args);
        assertEquals(Imgsign.USAGE, outcome.status(), outcome.out() + outcome.err());
        assertTrue(outcome.err().contains(flag), outcome.err());
    }
}
