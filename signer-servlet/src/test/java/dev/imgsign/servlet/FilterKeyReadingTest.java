package dev.imgsign.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys read by core's KeyReader rule; a weak key is logged as weak, never shown. */
class FilterKeyReadingTest {
    @TempDir
    Path dir;

    private static List<String> warningsWhile(ThrowingRunnable action) throws Exception {
        Logger logger = Logger.getLogger(SignedUrlFilter.class.getName());
        List<String> messages = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    messages.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
        }
        return messages;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void aShortKeyIsLoggedAsWeakWithoutTheKey() throws Exception {
        Path file = dir.resolve("key.txt");
        Files.writeString(file, "hunter2\n", StandardCharsets.UTF_8);
        List<String> weak = warningsWhile(() -> new SignedUrlFilter().init(
                FilterInitTest.config(Map.of("scheme", "camo", "key-file", file.toString()))));
        assertEquals(1, weak.size(), weak.toString());
        assertTrue(weak.get(0).contains("7 bytes"), weak.get(0));
        assertFalse(weak.get(0).contains("hunter2"));

        Files.writeString(file, "a key of thirty-two bytes, fine.\n", StandardCharsets.UTF_8);
        assertEquals(List.of(), warningsWhile(() -> new SignedUrlFilter().init(
                FilterInitTest.config(Map.of("scheme", "camo", "key-file", file.toString())))));
    }

    @Test
    void badKeyTextIsRefusedNamingTheSource() throws Exception {
        Path file = dir.resolve("key.hex");
        Files.writeString(file, "not hex\n", StandardCharsets.UTF_8);
        ServletException e = assertThrows(ServletException.class, () -> new SignedUrlFilter().init(FilterInitTest.config(
                Map.of("scheme", "camo", "key-file", file.toString(), "key-encoding", "hex"))));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertThrows(ServletException.class, () -> new SignedUrlFilter().init(FilterInitTest.config(
                Map.of("scheme", "camo", "key-file", file.toString(), "key-encoding", "rot13"))));
        Files.writeString(file, "\n", StandardCharsets.UTF_8);
        assertThrows(ServletException.class, () -> new SignedUrlFilter().init(FilterInitTest.config(
                Map.of("scheme", "camo", "key-file", file.toString()))));
    }
}
