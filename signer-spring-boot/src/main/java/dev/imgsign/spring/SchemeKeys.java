package dev.imgsign.spring;

import dev.imgsign.core.KeyReader;
import dev.imgsign.core.KeySet;
import dev.imgsign.core.SigningKey;
import dev.imgsign.spring.properties.SchemeProperties;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.MutuallyExclusiveConfigurationPropertiesException;

/**
 * Reads one scheme's keys from its properties, once, by {@link KeyReader}'s rule. Errors name the property
 * and the source (variable or file), never key text; a weak key gets a warning without the key.
 */
final class SchemeKeys {
    private static final Log LOG = LogFactory.getLog(SchemeKeys.class);
    /** Shown instead of inline key text in error messages. */
    static final String HIDDEN = "(hidden)";

    private final SchemeProperties properties;
    private final String prefix;
    private KeySet keys;

    SchemeKeys(SchemeProperties properties) {
        this.properties = properties;
        this.prefix = "imgsign." + properties.scheme();
    }

    /** The keys, primary first; read on first use. */
    synchronized KeySet get() {
        if (keys == null) {
            keys = read();
        }
        return keys;
    }

    private KeySet read() {
        // Blank counts as unset, as in SchemeKeyCondition.
        String keyEnv = blankToNull(properties.getKeyEnv());
        String keyFile = blankToNull(properties.getKeyFile());
        String key = blankToNull(properties.getKey());
        Set<String> given = new LinkedHashSet<>();
        if (keyEnv != null) {
            given.add(prefix + ".key-env");
        }
        if (keyFile != null) {
            given.add(prefix + ".key-file");
        }
        if (key != null) {
            given.add(prefix + ".key");
        }
        if (given.size() > 1) {
            throw new MutuallyExclusiveConfigurationPropertiesException(given,
                    List.of(prefix + ".key-env", prefix + ".key-file", prefix + ".key"));
        }
        if (given.isEmpty()) {
            throw new InvalidConfigurationPropertyValueException(prefix + ".key-env", null,
                    "no key: set " + prefix + ".key-env, " + prefix + ".key-file or " + prefix + ".key");
        }
        KeyReader.Encoding encoding;
        try {
            encoding = KeyReader.Encoding.fromName(properties.getKeyEncoding());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidConfigurationPropertyValueException(prefix + ".key-encoding",
                    properties.getKeyEncoding(), "must be utf8, hex or base64");
        }
        boolean keepsNewline = encoding == KeyReader.Encoding.UTF8 && properties.keyFileKeepsNewline();
        List<SigningKey> all = new ArrayList<>();
        if (keyEnv != null) {
            all.add(fromEnvironment(prefix + ".key-env", keyEnv, encoding));
        } else if (keyFile != null) {
            all.add(fromFile(prefix + ".key-file", keyFile, encoding, keepsNewline));
        } else {
            all.add(fromText(prefix + ".key", key, encoding));
        }
        List<String> older = properties.getOlderKeyEnv();
        for (int i = 0; i < older.size(); i++) {
            all.add(fromEnvironment(prefix + ".older-key-env[" + i + "]", older.get(i), encoding));
        }
        older = properties.getOlderKeyFile();
        for (int i = 0; i < older.size(); i++) {
            all.add(fromFile(prefix + ".older-key-file[" + i + "]", older.get(i), encoding, keepsNewline));
        }
        older = properties.getOlderKey();
        for (int i = 0; i < older.size(); i++) {
            all.add(fromText(prefix + ".older-key[" + i + "]", older.get(i), encoding));
        }
        try {
            return KeySet.of(all);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(prefix + ": " + e.getMessage(), e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static SigningKey fromEnvironment(String property, String variable, KeyReader.Encoding encoding) {
        try {
            return warnIfWeak(property, KeyReader.readEnvironment(variable.strip(), encoding));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationPropertyValueException(property, variable, e.getMessage());
        }
    }

    private static SigningKey fromFile(String property, String file, KeyReader.Encoding encoding,
            boolean keepsNewline) {
        try {
            Path path = Path.of(file.strip());
            return warnIfWeak(property, keepsNewline ? KeyReader.readFileKeepingNewline(path)
                    : KeyReader.readFile(path, encoding));
        } catch (IOException | InvalidPathException e) {
            throw new InvalidConfigurationPropertyValueException(property, file,
                    "cannot read the key file (" + e.getClass().getSimpleName() + ")");
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationPropertyValueException(property, file, e.getMessage());
        }
    }

    private static SigningKey fromText(String property, String text, KeyReader.Encoding encoding) {
        try {
            return warnIfWeak(property, KeyReader.read(text, encoding).withId(property));
        } catch (IllegalArgumentException e) {
            // KeyReader's message names "key text", never the text itself.
            throw new InvalidConfigurationPropertyValueException(property, HIDDEN, e.getMessage());
        }
    }

    private static SigningKey warnIfWeak(String property, SigningKey key) {
        if (KeyReader.isWeak(key)) {
            LOG.warn("The key from " + property + " is shorter than " + KeyReader.RECOMMENDED_MIN_BYTES
                    + " bytes; use at least " + KeyReader.RECOMMENDED_MIN_BYTES + " random bytes");
        }
        return key;
    }
}
