package dev.imgsign.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.vectors.TestVectors;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the shaded jar as a real process, as a user's shell would. */
class ImgsignJarIT {
    private static final TestVectors.Vector HEX = TestVectors.load("camo").tests("CamoSign").get(0);

    record Run(int status, String out, String err) {
    }

    private static Run java(String stdin, String... args) throws Exception {
        Path jar = Path.of(System.getProperty("imgsign.jar", "target/imgsign.jar"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        File errFile = File.createTempFile("imgsign-err", ".txt");
        try {
            // Standard error apart: warnings (a short key) go there and must not mix into the output.
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(errFile);
            builder.environment().remove("GOCAMO_HMAC");
            Process process = builder.start();
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the process finished");
            return new Run(process.exitValue(), out, java.nio.file.Files.readString(errFile.toPath(), StandardCharsets.UTF_8));
        } finally {
            errFile.delete();
        }
    }

    @Test
    void encodesLikeUrlTool() throws Exception {
        Run run = java("", "camo", "encode", "-k", HEX.get("key"), "-p", HEX.get("prefix"), HEX.get("url"));
        assertEquals(0, run.status(), run.err());
        assertTrue(run.err().contains("warning: the key is 4 bytes"), run.err());
        assertEquals(HEX.get("signedUrl") + "\n", run.out().replace(File.separator.equals("\\") ? "\r\n" : "\n", "\n"));
    }

    @Test
    void decodesFromStandardInputAndExitsOneOnARejection() throws Exception {
        Run run = java(HEX.get("signedUrl") + "\n/0000000000000000000000000000000000000000/00\n",
                "camo", "decode", "-k", HEX.get("key"));
        assertEquals(1, run.status(), run.out());
        String[] lines = run.out().split("\n");
        assertEquals(HEX.get("url"), lines[0]);
        assertTrue(lines[1].startsWith("rejected: "), lines[1]);
    }

    @Test
    void usageErrorExitsTwo() throws Exception {
        assertEquals(2, java("", "camo", "encode").status());
        assertEquals(0, java("", "--version").status());
    }
}
