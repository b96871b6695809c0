package dev.imgsign.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.SigningKey;
import dev.imgsign.imgproxy.ImgproxyRequest;
import dev.imgsign.imgproxy.ImgproxySigner;
import dev.imgsign.thumbor.ThumborOptions;
import dev.imgsign.thumbor.ThumborSigner;
import dev.imgsign.vectors.TestVectors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code imgsign imgproxy} and {@code imgsign thumbor} follow the CLI's shared key rule ({@link KeyOptions},
 * {@link Keys}): {@code -k KEY|@FILE} on the scheme command or its subcommand, {@code --key-encoding}, the
 * weak-key warning, and the servers' own variables. imgproxy keys are hex by default, as the server reads them.
 */
class NewSchemeKeysTest {
    private static final String DOCS_KEY = "736563726574";   // "secret": 6 bytes, weak
    private static final String DOCS_SALT = "68656C6C6F";
    private static final String DOCS_URL = TestVectors.load("imgproxy").tests("ImgproxySign").get(0).get("signedUrl");
    private static final String[] DOCS_SIGN = {"-o", "rs:fill:300:400:0", "-o", "g:sm", "--chunk", "16", "--ext", "png",
        "http://example.com/images/curiosity.jpg"};
    private static final String STRONG_HEX = "943b421c9eb07c830af81030552c86009268de4e532ba2ee2eab8247c6da0881";
    private static final String THUMBOR_PUBLISHED = "/8ammJH8D-7tXy6kU3lTvoXlhu4o=/300x200/my.server.com/some/path/to/image.jpg";

    @TempDir
    Path dir;

    private static String[] concat(String[] head, String... tail) {
        String[] all = new String[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    @Test
    void imgproxyKeyFromAHexFileOnEitherCommandWithTheWeakKeyWarning() throws Exception {
        Path keyFile = dir.resolve("imgproxy.key");
        Files.writeString(keyFile, DOCS_KEY + "\n", StandardCharsets.UTF_8);
        for (String[] args : new String[][] {
                concat(new String[] {"imgproxy", "sign", "-k", "@" + keyFile, "-s", DOCS_SALT}, DOCS_SIGN),
                concat(new String[] {"imgproxy", "-k", "@" + keyFile, "sign", "-s", DOCS_SALT}, DOCS_SIGN)}) {
            CliRunner.Outcome o = CliRunner.run(args);
            assertEquals(0, o.status(), o.err());
            assertEquals(DOCS_URL, o.out().strip());
            assertTrue(o.err().contains("warning: the key is 6 bytes"), o.err());
            assertFalse(o.err().contains(DOCS_KEY) || o.err().contains("secret"), o.err());
        }
    }

    @Test
    void imgproxyKeyEncodingAndRotationLists() {
        byte[] key = HexFormat.of().parseHex(STRONG_HEX);
        String base64 = Base64.getEncoder().encodeToString(key);
        ImgproxySigner expected = ImgproxySigner.builder(KeySet.of(SigningKey.ofHex(STRONG_HEX)))
                .salts(KeySet.of(SigningKey.ofHex(DOCS_SALT))).build();
        String want = expected.sign(ImgproxyRequest.of("https://example.com/a.jpg"));

        CliRunner.Outcome b64 = CliRunner.run("imgproxy", "sign", "-k", base64, "--key-encoding", "base64", "-s", DOCS_SALT,
                "https://example.com/a.jpg");
        assertEquals(0, b64.status(), b64.err());
        assertEquals(want, b64.out().strip());
        assertEquals("", b64.err(), "a 32-byte key is not weak");

        // IMGPROXY_KEY / IMGPROXY_SALT lists: the first pair signs, the verifier tries both.
        Map<String, String> env = Map.of("IMGPROXY_KEY", STRONG_HEX + "," + DOCS_KEY, "IMGPROXY_SALT", DOCS_SALT + "," + DOCS_SALT);
        CliRunner.Outcome listed = CliRunner.runWith("", env, "imgproxy", "sign", "https://example.com/a.jpg");
        assertEquals(want, listed.out().strip(), listed.err());
        CliRunner.Outcome old = CliRunner.runWith("", env, "imgproxy", "verify", DOCS_URL);
        assertEquals(0, old.status(), old.out());

        CliRunner.Outcome utf8 = CliRunner.run(concat(
                new String[] {"imgproxy", "sign", "-k", "secret", "--key-encoding", "utf8", "-s", DOCS_SALT}, DOCS_SIGN));
        assertEquals(DOCS_URL, utf8.out().strip(), "utf8 \"secret\" is the docs' hex key 736563726574: " + utf8.err());

        CliRunner.Outcome badHex = CliRunner.run("imgproxy", "sign", "-k", "zz-not-hex", "-s", DOCS_SALT, "https://example.com/a.jpg");
        assertEquals(2, badHex.status());
        assertFalse(badHex.err().contains("zz-not-hex"), badHex.err());
        assertEquals(2, CliRunner.run("imgproxy", "sign", "-k", STRONG_HEX, "--key-encoding", "rot13", "-s", DOCS_SALT, "x").status());
        assertEquals(2, CliRunner.run("imgproxy", "sign", "-k", STRONG_HEX, "https://example.com/a.jpg").status(), "no salt");
    }

    @Test
    void thumborKeyFromAFileTheEnvironmentOrHexOnEitherCommand() throws Exception {
        Path keyFile = dir.resolve("thumbor.key");
        Files.writeString(keyFile, "my-security-key\n", StandardCharsets.UTF_8);
        String hex = HexFormat.of().formatHex("my-security-key".getBytes(StandardCharsets.UTF_8));
        String[][] ways = {
            {"thumbor", "sign", "-k", "@" + keyFile},
            {"thumbor", "-k", "@" + keyFile, "sign"},
            {"thumbor", "sign", "-k", hex, "--key-encoding", "hex"},
        };
        for (String[] way : ways) {
            CliRunner.Outcome o = CliRunner.run(concat(way, "-w", "300", "-e", "200", "my.server.com/some/path/to/image.jpg"));
            assertEquals(0, o.status(), String.join(" ", way) + ": " + o.err());
            assertEquals(THUMBOR_PUBLISHED, o.out().strip());
            assertTrue(o.err().contains("warning: the key is 15 bytes"), o.err());
        }
        CliRunner.Outcome verified = CliRunner.runWith("", Map.of("THUMBOR_SECURITY_KEY", "my-security-key"),
                "thumbor", "verify", THUMBOR_PUBLISHED);
        assertEquals(0, verified.status(), verified.out());
        CliRunner.Outcome parentKey = CliRunner.run("thumbor", "-k", "@" + keyFile, "verify", THUMBOR_PUBLISHED);
        assertEquals(0, parentKey.status(), parentKey.out());

        String strong = "a-thumbor-security-key-of-32-bytes";
        String url = ThumborSigner.builder(KeySet.ofUtf8(strong)).build().sign(ThumborOptions.builder().build(), "a.example/x.jpg");
        CliRunner.Outcome quiet = CliRunner.run("thumbor", "verify", "-k", strong, url);
        assertEquals(0, quiet.status(), quiet.out());
        assertEquals("", quiet.err());
    }

    @Test
    void helpListsBothSchemesAndTheirKeyOptions() {
        CliRunner.Outcome help = CliRunner.run("--help");
        assertEquals(0, help.status());
        for (String line : new String[] {"imgproxy sign", "imgproxy verify", "thumbor sign", "thumbor verify"}) {
            assertTrue(help.out().contains(line), help.out());
        }
        assertTrue(help.out().replaceAll("\\s+", " ").contains("imgproxy, thumbor)"), help.out());
        for (String scheme : new String[] {"imgproxy", "thumbor"}) {
            for (String sub : new String[] {"sign", "verify"}) {
                CliRunner.Outcome o = CliRunner.run(scheme, sub, "--help");
                assertEquals(0, o.status());
                assertTrue(o.out().contains("--key-encoding") && o.out().contains("--key="), scheme + " " + sub + ": " + o.out());
            }
        }
    }
}
