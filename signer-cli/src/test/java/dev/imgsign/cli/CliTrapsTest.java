package dev.imgsign.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.vectors.TestVectors;
import java.util.HexFormat;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The peers' habits (issue: "a CLI whose peers' habits either work or fail loudly"). */
class CliTrapsTest {
    private static final TestVectors.Vector CAMO = TestVectors.load("camo").tests("CamoSign").stream()
            .filter(v -> v.hasFlag("Published")).findFirst().orElseThrow();

    @Test
    void singleDashLongOptionsAreUsageErrorsNamingTheRightFlag() {
        Map<List<String>, String> cases = Map.of(
                List.of("imageproxy", "sign", "-key=secretkey", "http://x.example/a.jpg"), "--key",
                List.of("camo", "encode", "-key=test", "http://x.example/a.jpg"), "--key",
                List.of("camo", "encode", "-key", "test", "http://x.example/a.jpg"), "--key",
                List.of("camo", "encode", "-k", "test", "-prefix", "https://i.example", "http://x.example/a.jpg"), "--prefix",
                List.of("imageproxy", "sign", "-k", "k", "-url", "http://x.example/a.jpg"), "--url-only",
                List.of("weekly", "sign", "-k", "k", "-host=https://i.example", "http://x.example/a.jpg"), "--host");
        cases.forEach((args, flag) -> {
            CliRunner.Outcome outcome = CliRunner.run(args.toArray(String[]::new));
            assertEquals(2, outcome.status(), args.toString());
            assertEquals("", outcome.out(), args.toString());
            assertTrue(outcome.err().contains("use " + flag), outcome.err());
        });
    }

    @Test
    void shortOptionsWithAttachedValuesStillWork() {
        CliRunner.Outcome attached = CliRunner.run("camo", "encode", "-k" + CAMO.get("key"), "-p", CAMO.get("prefix"),
                CAMO.get("url"));
        assertEquals(CAMO.get("signedUrl") + "\n", attached.out(), attached.err());
    }

    @Test
    void imageproxySignReadsAWholeProxyUrlAsImageproxySignDoes() {
        String proxyUrl = "http://localhost:8080/400x400,q40/https://octodex.github.com/images/codercat.jpg";
        CliRunner.Outcome outcome = CliRunner.run("imageproxy", "sign", "-k", "secretkey", proxyUrl);
        assertEquals(0, outcome.status(), outcome.err());
        // The signature published in willnorris/imageproxy's README for this request.
        assertEquals("url: " + proxyUrl + "\nsignature: 0sR2kjyfiF1RQRj4Jm2fFa3_6SDFqdAaDEmy1oD2U-4=\n", outcome.out());

        CliRunner.Outcome alreadySigned = CliRunner.run("imageproxy", "sign", "-k", "secretkey",
                "http://localhost:8080/400x400,q40,sAAAA/https://octodex.github.com/images/codercat.jpg");
        assertTrue(alreadySigned.out().endsWith("signature: 0sR2kjyfiF1RQRj4Jm2fFa3_6SDFqdAaDEmy1oD2U-4=\n"),
                "a signature in the proxy URL is dropped before signing");
    }

    @Test
    void urlToolsOptionOrderWorks() {
        CliRunner.Outcome outcome = CliRunner.run("camo", "-k", CAMO.get("key"), "encode", "-p", CAMO.get("prefix"),
                CAMO.get("url"));
        assertEquals(0, outcome.status(), outcome.err());
        assertEquals(CAMO.get("signedUrl") + "\n", outcome.out());

        CliRunner.Outcome decode = CliRunner.run("camo", "-k", CAMO.get("key"), "decode", CAMO.get("signedUrl"));
        assertEquals(CAMO.get("url") + "\n", decode.out(), decode.err());

        CliRunner.Outcome subcommandWins = CliRunner.run("camo", "-k", "not-the-key", "encode", "-k", CAMO.get("key"),
                "-p", CAMO.get("prefix"), CAMO.get("url"));
        assertEquals(CAMO.get("signedUrl") + "\n", subcommandWins.out());
    }

    @Test
    void batchOutputHasOneLinePerInputLine() {
        String input = "http://x.example/a.png\n\nftp://nope\n   \nhttp://x.example/b.png\n";
        CliRunner.Outcome outcome = CliRunner.runWith(input, Map.of(), "camo", "encode", "-k", "k");
        assertEquals(1, outcome.status(), "a rejected line still makes the exit status 1");
        String[] lines = outcome.out().split("\n", -1);
        assertEquals(6, lines.length, outcome.out());
        assertTrue(lines[0].startsWith("/"));
        assertEquals("", lines[1]);
        assertTrue(lines[2].startsWith("error: "), lines[2]);
        assertEquals("", lines[3]);
        assertTrue(lines[4].startsWith("/"));
        assertEquals("", lines[5], "the output ends with a newline");

        CliRunner.Outcome blankOnly = CliRunner.runWith("\n\n", Map.of(), "camo", "encode", "-k", "k");
        assertEquals(0, blankOnly.status());
        assertEquals("\n\n", blankOnly.out());
    }

    @Test
    void prefixesAndHostsMustBeUrlsWithASchemeOrPaths() {
        for (String[] args : List.of(
                new String[] {"camo", "encode", "-k", "k", "-p", "img.example.org", "http://x.example/a.png"},
                new String[] {"camo", "encode", "-k", "k", "-p", "ftp://img.example.org", "http://x.example/a.png"},
                new String[] {"camo", "encode", "-k", "k", "-p", "https://img.example.org?x", "http://x.example/a.png"},
                new String[] {"camo", "decode", "-k", "k", "--prefix", "camo", "/00/00"},
                new String[] {"imageproxy", "sign", "-k", "k", "--base", "localhost:8080", "http://x.example/a.png"},
                new String[] {"weekly", "sign", "-k", "k", "--host", "img.example.org", "http://x.example/a.png"},
                new String[] {"expiring", "sign", "-k", "k", "--host", "//img.example.org", "/a.png"})) {
            CliRunner.Outcome outcome = CliRunner.run(args);
            assertEquals(2, outcome.status(), String.join(" ", args));
            assertTrue(outcome.err().contains("takes"), outcome.err());
        }
        assertEquals(0, CliRunner.run("camo", "encode", "-k", "k", "-p", "/camo", "http://x.example/a.png").status());
        assertEquals(0, CliRunner.run("camo", "encode", "-k", "k", "-p", "http://localhost:8080/camo",
                "http://x.example/a.png").status());
    }

    @Test
    void everySchemeTakesItsKeyFromAnEnvironmentVariable() {
        String key = "an-environment-key-of-32-bytes!!";
        Map<String, List<String>> commands = Map.of(
                "GOCAMO_HMAC", List.of("camo", "encode", "http://x.example/a.png"),
                "IMAGEPROXY_SIGNATUREKEY", List.of("imageproxy", "sign", "http://x.example/a.png"),
                "IMGSIGN_WEEKLY_KEY", List.of("weekly", "sign", "http://x.example/a.png"),
                "IMGSIGN_EXPIRING_KEY", List.of("expiring", "sign", "/a.png"));
        commands.forEach((variable, args) -> {
            CliRunner.Outcome fromEnvironment = CliRunner.runWith("", Map.of(variable, key), args.toArray(String[]::new));
            assertEquals(0, fromEnvironment.status(), variable + ": " + fromEnvironment.err());
            assertEquals("", fromEnvironment.err(), "a 32-byte key draws no warning");
            CliRunner.Outcome none = CliRunner.run(args.toArray(String[]::new));
            assertEquals(2, none.status());
            assertTrue(none.err().contains(variable), none.err());
        });
    }

    @Test
    void aShortKeyDrawsAWarningThatNeverHoldsTheKey() {
        CliRunner.Outcome outcome = CliRunner.run("camo", "encode", "-k", "sh0rtk3y", "http://x.example/a.png");
        assertEquals(0, outcome.status());
        assertTrue(outcome.err().contains("warning: the key is 8 bytes"), outcome.err());
        assertFalse(outcome.err().contains("sh0rtk3y"));
    }

    @Test
    void keyEncodingsDecodeTheKey() {
        String hex = HexFormat.of().formatHex(CAMO.get("key").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String base64 = Base64.getEncoder().encodeToString(CAMO.get("key").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (String[] encoded : List.of(new String[] {"hex", hex}, new String[] {"base64", base64})) {
            CliRunner.Outcome outcome = CliRunner.run("camo", "encode", "-k", encoded[1], "--key-encoding", encoded[0],
                    "-p", CAMO.get("prefix"), CAMO.get("url"));
            assertEquals(CAMO.get("signedUrl") + "\n", outcome.out(), outcome.err());
        }
        assertEquals(2, CliRunner.run("camo", "encode", "-k", "zz", "--key-encoding", "hex", CAMO.get("url")).status());
        assertEquals(2, CliRunner.run("camo", "encode", "-k", "k", "--key-encoding", "rot13", CAMO.get("url")).status());
    }

    @Test
    void keygenPrintsANewKeyInHexOrBase64() {
        CliRunner.Outcome hex = CliRunner.run("keygen");
        assertEquals(0, hex.status());
        assertTrue(hex.out().matches("[0-9a-f]{64}\n"), hex.out());
        assertFalse(hex.out().equals(CliRunner.run("keygen").out()), "each key is new");
        CliRunner.Outcome base64 = CliRunner.run("keygen", "--bytes", "48", "--encoding", "base64");
        assertEquals(48, Base64.getDecoder().decode(base64.out().strip()).length);
        assertEquals(2, CliRunner.run("keygen", "--bytes", "8").status(), "fewer than 16 bytes is refused");
        assertEquals(2, CliRunner.run("keygen", "--encoding", "utf8").status());
    }

    @Test
    void helpListsEverySubcommandAndNamesFormatsByWhatTheyAre() {
        CliRunner.Outcome help = CliRunner.run("--help");
        for (String command : List.of("camo encode", "camo decode", "imageproxy sign", "imageproxy verify",
                "weekly sign", "weekly verify", "expiring sign", "expiring verify", "keygen")) {
            assertTrue(help.out().contains("  " + command + " "), command + " in\n" + help.out());
        }
        for (String[] args : List.of(new String[] {"expiring", "--help"}, new String[] {"expiring", "sign", "--help"},
                new String[] {"weekly", "--help"}, new String[] {"camo", "--help"}, new String[] {"imageproxy", "sign", "--help"})) {
            String text = CliRunner.run(args).out().toLowerCase(java.util.Locale.ROOT);
            assertFalse(text.contains("seed") || text.contains("spec section"), text);
        }
        assertTrue(CliRunner.run("expiring", "sign", "--help").out().replaceAll("\\s+", "").contains("aurelialinks(Go,github.com/kodefluence/aurelia"));
    }
}
