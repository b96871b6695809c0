package dev.imgsign.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.vectors.TestVectors;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code imgsign thumbor sign|verify} against thumbor.json. */
class ThumborCommandTest {
    private static final String PUBLISHED = "/8ammJH8D-7tXy6kU3lTvoXlhu4o=/300x200/my.server.com/some/path/to/image.jpg";
    private static final String IMG = "my.server.com/some/path/to/image.jpg";

    @Test
    void signPrintsThePublishedUrlsWithTheKeyFromTheEnvironment() {
        CliRunner.Outcome outcome = CliRunner.runWith("", Map.of("THUMBOR_SECURITY_KEY", "my-security-key"),
                "thumbor", "sign", "-w", "300", "-e", "200", IMG);
        assertEquals(0, outcome.status(), outcome.err());
        assertEquals(PUBLISHED, outcome.out().strip());
        TestVectors.Vector v = TestVectors.load("thumbor").tests("ThumborSign").get(2);
        CliRunner.Outcome filtered = CliRunner.run("thumbor", "sign", "-k", "my-security-key", "--base",
                "https://t.example/", "-w", "300", "-e", "200", "-c", "10x10:200x200", "-f",
                "brightness(20):contrast(10)", IMG);
        assertEquals("https://t.example" + v.get("signedUrl"), filtered.out().strip());
    }

    @Test
    void signHasEveryOptionAndBatchMode() {
        CliRunner.Outcome outcome = CliRunner.runWith("a.example/x.jpg\n\nhttpbin.org/y.jpg\nb.example/z w.jpg\n",
                Map.of("THUMBOR_SECURITY_KEY", "k"), "thumbor", "sign", "--meta", "--trim", "bottom-right:5",
                "--fit-in", "--flip-horizontally", "--flip-vertically", "-w", "10", "--halign", "left", "--valign",
                "bottom", "--smart");
        String[] lines = outcome.out().strip().split("\n");
        assertEquals(3, lines.length, outcome.out());
        assertTrue(lines[0].endsWith("/meta/trim:bottom-right:5/fit-in/-10x-0/left/bottom/smart/a.example/x.jpg"), lines[0]);
        assertTrue(lines[1].startsWith("error: "), lines[1]);
        assertTrue(lines[2].endsWith("/b.example/z%20w.jpg"), lines[2]);
        assertEquals(Imgsign.REJECTED, outcome.status());
        CliRunner.Outcome verified = CliRunner.runWith(lines[0] + "\n" + lines[2] + "\n", Map.of("THUMBOR_SECURITY_KEY", "k"),
                "thumbor", "verify");
        assertEquals(0, verified.status(), verified.out());
        assertTrue(verified.out().contains("b.example/z w.jpg options="), verified.out());
    }

    @Test
    void verifyDecidesAsTheServerAndRefusesUnsafeUnlessAsked() {
        CliRunner.Outcome ok = CliRunner.run("thumbor", "verify", "-k", "my-security-key", "https://t.example" + PUBLISHED);
        assertEquals(0, ok.status(), ok.err());
        assertTrue(ok.out().startsWith(IMG + " options="), ok.out());
        CliRunner.Outcome unsafe = CliRunner.run("thumbor", "verify", "-k", "x", "/unsafe/" + IMG);
        assertEquals(Imgsign.REJECTED, unsafe.status());
        assertTrue(unsafe.out().contains("BAD_SIGNATURE (HTTP 400)"), unsafe.out());
        CliRunner.Outcome allowed = CliRunner.run("thumbor", "verify", "-k", "x", "--allow-unsafe",
                "--allowed-sources", "my.server.com,other.example", "/unsafe/" + IMG);
        assertEquals(0, allowed.status(), allowed.out());
        assertTrue(allowed.out().contains("(unsafe)"), allowed.out());
    }

    @Test
    void badArgumentsAndMissingKeyAreUsageErrorsThatNeverPrintTheKey() {
        CliRunner.Outcome noKey = CliRunner.run("thumbor", "sign", IMG);
        assertTrue(noKey.err().contains("THUMBOR_SECURITY_KEY"), noKey.err());
        assertFalse(noKey.status() == 0);
        for (String[] bad : new String[][] {{"--fit-in=fit", IMG}, {"-c", "1x2", IMG}, {"--halign", "middle", IMG},
                {"--trim", "middle", IMG}}) {
            String[] args = new String[bad.length + 4];
            args[0] = "thumbor";
            args[1] = "sign";
            args[2] = "-k";
            args[3] = "secret-key";
            System.arraycopy(bad, 0, args, 4, bad.length);
            CliRunner.Outcome outcome = CliRunner.run(args);
            assertFalse(outcome.status() == 0, String.join(" ", args));
            assertFalse(outcome.err().contains("secret-key") || outcome.out().contains("secret-key"));
        }
    }
}
