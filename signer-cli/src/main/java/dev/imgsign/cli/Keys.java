package dev.imgsign.cli;

import dev.imgsign.core.SigningKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Key arguments: text, or {@code @path} for a file's raw bytes (kept whole, trailing newline included, as imageproxy-sign does). */
final class Keys {
    private Keys() {
    }

    /**
     * The key named by {@code option}, else by the environment variable {@code envName} (may be null).
     *
     * @throws Imgsign.UsageException if there is none or the file cannot be read; the message never holds the key
     */
    static SigningKey resolve(String option, Imgsign root, String envName) {
        String value = option;
        if (value == null && envName != null) {
            value = root.environment.get(envName);
        }
        if (value == null || value.isEmpty()) {
            throw new Imgsign.UsageException("no key: give -k KEY or -k @FILE"
                    + (envName == null ? "" : ", or set " + envName));
        }
        if (value.startsWith("@")) {
            Path path = Path.of(value.substring(1));
            try {
                byte[] bytes = Files.readAllBytes(path);
                if (bytes.length == 0) {
                    throw new Imgsign.UsageException("key file " + path + " is empty");
                }
                return SigningKey.ofBytes(bytes);
            } catch (IOException e) {
                throw new Imgsign.UsageException("cannot read key file " + path + ": " + e.getClass().getSimpleName());
            }
        }
        return SigningKey.ofUtf8(value);
    }
}
