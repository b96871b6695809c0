package dev.imgsign.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.KeyReader.Encoding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyReaderTest {
    private static final byte[] TEST = "test".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        Path f = Files.createTempFile(dir, "key", ".txt");
        Files.write(f, content.getBytes(StandardCharsets.UTF_8));
        return f;
    }

    @Test
    void oneTrailingLineTerminatorIsNotPartOfTheKeyWhereverTheKeyComesFrom() throws IOException {
        for (String written : new String[] {"test", "test\n", "test\r\n"}) {
            assertArrayEquals(TEST, KeyReader.readFile(file(written), Encoding.UTF8).copyBytes(), written);
            assertArrayEquals(TEST, KeyReader.read(written, Encoding.UTF8).copyBytes(), written);
            assertArrayEquals(TEST, KeyReader.readEnvironment("K", Encoding.UTF8, Map.of("K", written)::get)
                    .copyBytes(), written);
        }
    }

    @Test
    void everyOtherByteBelongsToAUtf8Key() throws IOException {
        assertArrayEquals(" test \n".getBytes(StandardCharsets.UTF_8),
                KeyReader.readFile(file(" test \n\n"), Encoding.UTF8).copyBytes());
        assertArrayEquals("t\u00e9st".getBytes(StandardCharsets.UTF_8),
                KeyReader.read("t\u00e9st", Encoding.UTF8).copyBytes());
    }

    @Test
    void hexAndBase64IgnoreSurroundingWhiteSpace() throws IOException {
        assertArrayEquals(TEST, KeyReader.readFile(file("74657374\n"), Encoding.HEX).copyBytes());
        assertArrayEquals(TEST, KeyReader.readFile(file(" dGVzdA== \r\n"), Encoding.BASE64).copyBytes());
        assertArrayEquals(TEST, KeyReader.read("dGVzdA", Encoding.BASE64).copyBytes());
    }

    @Test
    void imageproxySignCompatibilityKeepsTheNewline() throws IOException {
        assertArrayEquals("test\n".getBytes(StandardCharsets.UTF_8),
                KeyReader.readFileKeepingNewline(file("test\n")).copyBytes());
    }

    @Test
    void errorsNameTheSourceAndNeverTheKey() throws IOException {
        Path bad = file("zz-secret-zz");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KeyReader.readFile(bad, Encoding.HEX));
        assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class,
                () -> KeyReader.readEnvironment("IMGSIGN_KEY", Encoding.UTF8, name -> null));
        assertEquals("environment variable IMGSIGN_KEY is not set", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> KeyReader.readFile(file("\n"), Encoding.UTF8));
        assertTrue(e.getMessage().endsWith(" is empty"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KeyReader.readFileKeepingNewline(file("")));
    }

    @Test
    void keysAreLabelledWithTheirSourceNotTheirValue() throws IOException {
        Path f = file("test");
        assertEquals(f.toString(), KeyReader.readFile(f, Encoding.UTF8).id());
        assertEquals("K", KeyReader.readEnvironment("K", Encoding.UTF8, name -> "v").id());
    }

    @Test
    void encodingNamesAreAsciiCaseInsensitive() {
        assertEquals(Encoding.UTF8, Encoding.fromName("UTF-8"));
        assertEquals(Encoding.UTF8, Encoding.fromName("raw"));
        assertEquals(Encoding.HEX, Encoding.fromName(" Hex "));
        assertEquals(Encoding.BASE64, Encoding.fromName("base64"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Encoding.fromName("b64"));
        assertTrue(e.getMessage().contains("utf8, hex or base64"), e.getMessage());
    }

    @Test
    void weakKeysAreThoseShorterThanSixteenBytes() {
        assertTrue(KeyReader.isWeak(SigningKey.ofUtf8("test")));
        assertFalse(KeyReader.isWeak(SigningKey.ofUtf8("0123456789abcdef")));
    }

    @Test
    void generatedKeysAreRandomAndOfTheAskedLength() {
        SigningKey a = SigningKey.generate();
        SigningKey b = SigningKey.generate();
        assertEquals(32, a.length());
        assertFalse(java.util.Arrays.equals(a.copyBytes(), b.copyBytes()));
        assertEquals(64, SigningKey.generate(64).length());
        assertThrows(IllegalArgumentException.class, () -> SigningKey.generate(8));
    }
}
