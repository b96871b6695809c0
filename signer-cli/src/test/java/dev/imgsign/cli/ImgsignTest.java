package dev.imgsign.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.vectors.TestVectors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImgsignTest {
    private static final List<TestVectors.Vector> CAMO = TestVectors.load("camo").tests("CamoSign").stream()
            .filter(v -> v.hasFlag("Published")).toList();

    @Test
    void camoEncodeIsByteIdenticalToUrlTool() {
        assertFalse(CAMO.isEmpty());
        for (TestVectors.Vector v : CAMO) {
            CliRunner.Outcome outcome = CliRunner.run("camo", "encode", "-k", v.get("key"), "-p", v.get("prefix"),
                    "-b", v.get("encoding"), v.get("url"));
            assertEquals(0, outcome.status(), outcome.err());
            assertEquals(v.get("signedUrl") + "\n", outcome.out(), v.toString());
        }
    }

    @Test
    void camoDecodePrintsTheUrlAndTakesTheKeyFromGocamoHmac() {
        for (TestVectors.Vector v : CAMO) {
            CliRunner.Outcome outcome = CliRunner.runWith("", Map.of("GOCAMO_HMAC", v.get("key")),
                    "camo", "decode", v.get("signedUrl"));
            assertEquals(0, outcome.status(), outcome.err());
            assertEquals(v.get("url") + "\n", outcome.out());
        }
    }

    @Test
    void aRejectedVerificationExitsOneAndSaysWhy() {
        TestVectors.Vector v = CAMO.get(0);
        CliRunner.Outcome outcome = CliRunner.run("camo", "decode", "-k", "wrong-key", v.get("signedUrl"));
        assertEquals(1, outcome.status());
        assertTrue(outcome.out().startsWith("rejected: BAD_SIGNATURE"), outcome.out());
        assertFalse(outcome.out().contains("wrong-key"));
    }

    @Test
    void withoutArgumentsUrlsComeFromStandardInputOnePerLine() {
        TestVectors.Vector v = CAMO.get(0);
        String input = v.get("url") + "\n\n" + v.get("url") + "\n";
        CliRunner.Outcome outcome = CliRunner.runWith(input, Map.of(), "camo", "encode", "-k", v.get("key"),
                "-p", v.get("prefix"));
        assertEquals(0, outcome.status(), outcome.err());
        assertEquals(v.get("signedUrl") + "\n\n" + v.get("signedUrl") + "\n", outcome.out(), "one output line per input line");
    }

    @Test
    void aBadLineInABatchIsReportedOnItsLineAndTheBatchGoesOn() {
        CliRunner.Outcome outcome = CliRunner.runWith("ftp://nope\nhttp://x.example/a.png\n", Map.of(),
                "camo", "encode", "-k", "k");
        assertEquals(1, outcome.status());
        String[] lines = outcome.out().split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].startsWith("error: "), lines[0]);
        assertTrue(lines[1].startsWith("/"), lines[1]);
    }

    @Test
    void usageErrorsExitTwoAndNameTheProblem() {
        CliRunner.Outcome badUrl = CliRunner.run("camo", "encode", "-k", "k", "ftp://x");
        assertEquals(2, badUrl.status());
        assertTrue(badUrl.err().contains("http"), badUrl.err());

        CliRunner.Outcome noKey = CliRunner.run("camo", "encode", "http://x/a.png");
        assertEquals(2, noKey.status());
        assertTrue(noKey.err().contains("GOCAMO_HMAC"), noKey.err());

        assertEquals(2, CliRunner.run("camo", "encode", "-k", "k", "-b", "rot13", "http://x/").status());
        assertEquals(2, CliRunner.run("no-such-scheme").status());
        assertEquals(2, CliRunner.run().status());
        assertEquals(2, CliRunner.run("weekly", "sign", "-k", "k", "--at", "yesterday", "http://x/").status());
    }

    @Test
    void helpAndVersionWork() {
        CliRunner.Outcome help = CliRunner.run("--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("camo") && help.out().contains("weekly") && help.out().contains("expiring"));
        CliRunner.Outcome version = CliRunner.run("--version");
        assertEquals(0, version.status());
        assertTrue(version.out().startsWith("imgsign "));
        assertEquals(0, CliRunner.run("camo", "encode", "--help").status());
    }

    @Test
    void theKeyNeverAppearsInOutputOrErrors() {
        String key = "s3cr3t-k3y-value";
        for (String[] args : List.of(
                new String[] {"camo", "encode", "-k", key, "ftp://x"},
                new String[] {"camo", "decode", "-k", key, "/00/00"},
                new String[] {"camo", "encode", "-k", key, "http://x/a.png"},
                new String[] {"weekly", "verify", "-k", key, "/i/full/x/y"},
                new String[] {"expiring", "verify", "-k", key, "/a.png?expires=1&signature=x"},
                new String[] {"expiring", "sign", "-k", key, "--valid-for", "never", "/a.png"})) {
            CliRunner.Outcome outcome = CliRunner.run(args);
            assertFalse(outcome.out().contains(key) || outcome.err().contains(key), String.join(" ", args));
        }
    }

    @Test
    void aKeyFileLosesOneTrailingNewlineUnlessAskedToKeepIt(@TempDir Path dir) throws Exception {
        TestVectors.Vector v = CAMO.get(0);
        Path keyFile = dir.resolve("key");
        Files.write(keyFile, v.get("key").getBytes(StandardCharsets.UTF_8));
        CliRunner.Outcome outcome = CliRunner.run("camo", "encode", "-k", "@" + keyFile, "-p", v.get("prefix"), v.get("url"));
        assertEquals(v.get("signedUrl") + "\n", outcome.out());

        Files.write(keyFile, (v.get("key") + "\n").getBytes(StandardCharsets.UTF_8));
        CliRunner.Outcome withNewline = CliRunner.run("camo", "encode", "-k", "@" + keyFile, "-p", v.get("prefix"), v.get("url"));
        assertEquals(outcome.out(), withNewline.out(), "one trailing newline is not part of the key (core's KeyReader rule)");
        CliRunner.Outcome kept = CliRunner.run("camo", "encode", "-k", "@" + keyFile, "--keep-key-newline",
                "-p", v.get("prefix"), v.get("url"));
        assertEquals(0, kept.status(), kept.err());
        assertFalse(kept.out().equals(outcome.out()), "--keep-key-newline keeps it, as imageproxy-sign does");

        CliRunner.Outcome missing = CliRunner.run("camo", "encode", "-k", "@" + dir.resolve("nope"), v.get("url"));
        assertEquals(2, missing.status());
    }

    @Test
    void weeklySignAndVerifyReproduceThePublishedVectors() {
        for (TestVectors.Vector v : TestVectors.load("weekly").tests("WeeklyLink")) {
            if (!v.hasFlag("Published")) {
                continue;
            }
            String protocol = v.get("protocol");
            List<String> args = new java.util.ArrayList<>(List.of("weekly", "sign", "-k", v.get("secret"),
                    "--at", v.get("epochSeconds"), "--protocol", protocol, "--bucket", v.get("bucket")));
            if (Boolean.parseBoolean(v.get("proxy"))) {
                args.add("--proxy");
            }
            v.find("width").ifPresent(w -> {
                args.add("--width");
                args.add(w);
            });
            args.add(v.get("imageUrl"));
            CliRunner.Outcome signed = CliRunner.run(args.toArray(String[]::new));
            assertEquals(v.get("path") + "\n", signed.out(), v + " " + signed.err());

            CliRunner.Outcome verified = CliRunner.run("weekly", "verify", "-k", v.get("secret"), "--at",
                    v.get("epochSeconds"), "--protocol", protocol, v.get("path"));
            assertEquals(0, verified.status(), v + " " + verified.out());
            assertTrue(verified.out().contains("url=" + v.get("imageUrl")), verified.out());
        }
    }

    @Test
    void expiringLinksVerifyUntilTheirEndAndNotAfter() {
        CliRunner.Outcome signed = CliRunner.run("expiring", "sign", "-k", "k", "--at", "2026-11-22T10:00:00Z",
                "--valid-for", "600", "/avatar/cat.png");
        assertEquals(0, signed.status(), signed.err());
        String link = signed.out().strip();
        assertTrue(link.startsWith("/avatar/cat.png?expires=1795342200"), link);
        assertEquals(0, CliRunner.run("expiring", "verify", "-k", "k", "--at", "1795342200", link).status());
        CliRunner.Outcome late = CliRunner.run("expiring", "verify", "-k", "k", "--at", "1795342201", link);
        assertEquals(1, late.status());
        assertTrue(late.out().startsWith("rejected: EXPIRED"), late.out());
    }

    @Test
    void aureliaFormatRoundTrips() {
        CliRunner.Outcome signed = CliRunner.run("expiring", "sign", "--format", "aurelia", "-k", "k",
                "--at", "1795340000", "--valid-for", "PT15S", "/avatar/image.jpg");
        assertEquals(0, signed.status(), signed.err());
        String link = signed.out().strip();
        assertTrue(link.contains("signature=AURELIA_") && link.endsWith("&expires_at=1795340015"), link);
        assertEquals(0, CliRunner.run("expiring", "verify", "--format", "aurelia", "-k", "k", "--at", "1795340015", link).status());
        assertEquals(1, CliRunner.run("expiring", "verify", "--format", "aurelia", "-k", "other", "--at", "1795340015", link).status());
    }

    @Test
    void imageproxySignPrintsWhatImageproxySignPrintsForThePublishedVectors() {
        for (TestVectors.Vector v : TestVectors.load("imageproxy").tests("ImageproxySignature")) {
            if (!v.hasFlag("Published")) {
                continue;
            }
            boolean urlOnly = v.get("mode").equals("url");
            String argument = urlOnly ? v.get("url") : v.get("url") + "#" + v.get("options");
            List<String> args = new java.util.ArrayList<>(List.of("imageproxy", "sign", "-k", v.get("key")));
            if (urlOnly) {
                args.add("--url-only");
            }
            v.find("base").ifPresent(base -> {
                args.add("--base");
                args.add(base);
            });
            args.add(argument);
            CliRunner.Outcome outcome = CliRunner.run(args.toArray(String[]::new));
            assertEquals(0, outcome.status(), outcome.err());
            String expected = "url: " + argument + "\nsignature: " + v.get("signature") + "\n"
                    + v.find("signedUrl").map(u -> "proxy: " + u + "\n").orElse("");
            assertEquals(expected, outcome.out(), v.toString());
        }
    }

    @Test
    void imageproxyVerifyAcceptsThePublishedUrlAndRefusesURLOnlyWhenAsked() {
        TestVectors.Vector v = TestVectors.load("imageproxy").tests("ImageproxySignature").stream()
                .filter(t -> t.find("signedUrl").isPresent() && t.hasFlag("Published")).findFirst().orElseThrow();
        CliRunner.Outcome ok = CliRunner.runWith("", Map.of("IMAGEPROXY_SIGNATUREKEY", v.get("key")),
                "imageproxy", "verify", "--require-signed-options", v.get("signedUrl"));
        assertEquals(0, ok.status(), ok.out() + ok.err());
        assertTrue(ok.out().startsWith(v.get("url") + " options=" + v.get("options")), ok.out());

        CliRunner.Outcome changed = CliRunner.run("imageproxy", "verify", "-k", v.get("key"),
                v.get("signedUrl").replace("400x400", "800x800"));
        assertEquals(1, changed.status());
        assertTrue(changed.out().startsWith("rejected: BAD_SIGNATURE"), changed.out());
    }
}
