package dev.imgsign.cli;

import dev.imgsign.core.KeyReader;
import dev.imgsign.core.SigningKey;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Turns key options into a key by core's {@link KeyReader} rule, the same rule the servlet filter and the
 * Spring Boot starter use, so one key file gives one key everywhere.
 */
final class Keys {
    private Keys() {
    }

    /**
     * The key given by {@code option} ({@code KEY} or {@code @FILE}, UTF-8), else by the environment variable
     * {@code envName} (may be null).
     *
     * @throws Imgsign.UsageException if there is none or it cannot be read; the message never holds the key
     */
    static SigningKey resolve(String option, Imgsign root, String envName) {
        KeyOptions options = new KeyOptions();
        options.key = option;
        return resolve(options, null, root, envName);
    }

    /**
     * The key given on the subcommand ({@code own}), else on its scheme command ({@code parent}, may be null),
     * else by the environment variable {@code envName} (may be null). Warns on stderr when it is weak.
     *
     * @throws Imgsign.UsageException if there is none or it cannot be read; the message never holds the key
     */
    static SigningKey resolve(KeyOptions own, KeyOptions parent, Imgsign root, String envName) {
        return resolve(own, parent, root, envName, KeyReader.Encoding.UTF8);
    }

    /**
     * As {@link #resolve(KeyOptions, KeyOptions, Imgsign, String)}, for a scheme whose keys are usually written
     * in {@code defaultEncoding} (imgproxy's hex keys) when {@code --key-encoding} is not given.
     */
    static SigningKey resolve(KeyOptions own, KeyOptions parent, Imgsign root, String envName,
            KeyReader.Encoding defaultEncoding) {
        KeyOptions given = own.key == null && parent != null && parent.key != null ? parent : own;
        String encodingName = firstNonNull(own.encoding, parent == null ? null : parent.encoding, null);
        KeyReader.Encoding encoding = encodingName == null ? defaultEncoding : KeyReader.Encoding.fromName(encodingName);
        boolean keepNewline = own.keepNewline || parent != null && parent.keepNewline;
        SigningKey key = read(given.key, encoding, keepNewline, root, envName);
        if (KeyReader.isWeak(key)) {
            root.err.println("imgsign: warning: the key is " + key.length() + " bytes; keys shorter than "
                    + KeyReader.RECOMMENDED_MIN_BYTES + " bytes are weak (imgsign keygen makes a strong one)");
        }
        return key;
    }

    private static SigningKey read(String value, KeyReader.Encoding encoding, boolean keepNewline, Imgsign root,
            String envName) {
        if (value == null || value.isEmpty()) {
            if (envName != null && root.environment.get(envName) != null) {
                return KeyReader.readEnvironment(envName, encoding, root.environment::get);
            }
            throw new Imgsign.UsageException("no key: give -k KEY or -k @FILE"
                    + (envName == null ? "" : ", or set " + envName));
        }
        if (!value.startsWith("@")) {
            if (keepNewline) {
                throw new Imgsign.UsageException("--keep-key-newline applies to a key file (-k @FILE) only");
            }
            return KeyReader.read(value, encoding);
        }
        Path path = Path.of(value.substring(1));
        try {
            if (keepNewline) {
                if (encoding != KeyReader.Encoding.UTF8) {
                    throw new Imgsign.UsageException("--keep-key-newline reads the file's bytes; it takes no --key-encoding");
                }
                return KeyReader.readFileKeepingNewline(path);
            }
            return KeyReader.readFile(path, encoding);
        } catch (IOException e) {
            throw new Imgsign.UsageException("cannot read key file " + path + ": " + e.getClass().getSimpleName());
        }
    }

    private static String firstNonNull(String first, String second, String fallback) {
        return first != null ? first : second != null ? second : fallback;
    }
}
