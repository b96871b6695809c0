package dev.imgsign.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The one rule by which the CLI, the servlet filter and the Spring Boot starter turn key text from a file,
 * an environment variable or a property into key bytes, so a key file gives the same key everywhere.
 *
 * <p>The rule:
 * <ul>
 *   <li>{@link Encoding#UTF8}: the bytes as they are, less <em>one</em> trailing line terminator
 *       ({@code \n} or {@code \r\n}), which editors and {@code echo} add; any other byte, spaces included,
 *       belongs to the key.</li>
 *   <li>{@link Encoding#HEX} and {@link Encoding#BASE64}: the text without surrounding white space, decoded.</li>
 *   <li>An empty result, a missing variable or an unreadable file is an error that names the source, never
 *       the key.</li>
 * </ul>
 * willnorris/imageproxy's {@code imageproxy-sign} keeps a key file's trailing newline; to match it,
 * use {@link #readFileKeepingNewline(Path)}.
 *
 * @since 0.1.0
 */
public final class KeyReader {
    /** Keys shorter than this many bytes are weak for HMAC; callers warn about them (never printing the key). */
    public static final int RECOMMENDED_MIN_BYTES = 16;

    private KeyReader() {
    }

    /** How the key text is written. */
    public enum Encoding {
        /** The text's bytes (UTF-8 for text), as go-camo, imageproxy, thumbor and Gazelle read keys. */
        UTF8,
        /** Hexadecimal, either case, as imgproxy reads {@code IMGPROXY_KEY}. */
        HEX,
        /** Base64, standard or URL-safe alphabet, padded or not. */
        BASE64;

        /**
         * The encoding called {@code name}: {@code utf8} (also {@code utf-8}, {@code raw}), {@code hex} or
         * {@code base64}, ASCII case-insensitive.
         *
         * @param name the encoding's name
         * @return the encoding
         * @throws IllegalArgumentException naming the accepted values
         */
        public static Encoding fromName(String name) {
            Objects.requireNonNull(name, "name");
            switch (name.strip().toLowerCase(Locale.ROOT)) {
                case "utf8":
                case "utf-8":
                case "raw":
                    return UTF8;
                case "hex":
                    return HEX;
                case "base64":
                    return BASE64;
                default:
                    throw new IllegalArgumentException("key encoding is utf8, hex or base64, not '" + name + "'");
            }
        }
    }

    /**
     * The key written as {@code text} (from a property or a command line), by the rule above.
     *
     * @param text the key text
     * @param encoding how it is written
     * @return the key
     * @throws IllegalArgumentException if the text is empty or not valid in {@code encoding}
     */
    public static SigningKey read(String text, Encoding encoding) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(encoding, "encoding");
        return decode(text.getBytes(StandardCharsets.UTF_8), encoding, "key text");
    }

    /**
     * The key in the environment variable {@code variable}, by the rule above.
     *
     * @param variable the variable's name, which becomes the key's {@linkplain SigningKey#id() id}
     * @param encoding how the key is written
     * @return the key
     * @throws IllegalArgumentException if the variable is unset or empty, or its value is not valid in {@code encoding}
     */
    public static SigningKey readEnvironment(String variable, Encoding encoding) {
        return readEnvironment(variable, encoding, System::getenv);
    }

    /**
     * As {@link #readEnvironment(String, Encoding)}, looking the variable up in {@code environment}.
     *
     * @param variable the variable's name, which becomes the key's {@linkplain SigningKey#id() id}
     * @param encoding how the key is written
     * @param environment looks a variable's value up, null when unset
     * @return the key
     */
    public static SigningKey readEnvironment(String variable, Encoding encoding, UnaryOperator<String> environment) {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(encoding, "encoding");
        String value = environment.apply(variable);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("environment variable " + variable + " is not set");
        }
        return decode(value.getBytes(StandardCharsets.UTF_8), encoding, "environment variable " + variable)
                .withId(variable);
    }

    /**
     * The key in {@code file}, by the rule above.
     *
     * @param file the key file, whose path becomes the key's {@linkplain SigningKey#id() id}
     * @param encoding how the key is written
     * @return the key
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if it holds no key or one not valid in {@code encoding}
     */
    public static SigningKey readFile(Path file, Encoding encoding) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(encoding, "encoding");
        return decode(Files.readAllBytes(file), encoding, "key file " + file).withId(file.toString());
    }

    /**
     * The bytes of {@code file} whole, trailing newline included, as {@code imageproxy-sign} reads its key file.
     *
     * @param file the key file, whose path becomes the key's {@linkplain SigningKey#id() id}
     * @return the key
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if it is empty
     */
    public static SigningKey readFileKeepingNewline(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length == 0) {
            throw new IllegalArgumentException("key file " + file + " is empty");
        }
        return SigningKey.ofBytes(bytes).withId(file.toString());
    }

    /**
     * Whether {@code key} is shorter than {@link #RECOMMENDED_MIN_BYTES}.
     *
     * @param key the key
     * @return whether callers should warn about it
     */
    public static boolean isWeak(SigningKey key) {
        return key.length() < RECOMMENDED_MIN_BYTES;
    }

    private static SigningKey decode(byte[] bytes, Encoding encoding, String source) {
        try {
            switch (encoding) {
                case UTF8:
                    int end = bytes.length;
                    if (end > 0 && bytes[end - 1] == '\n') {
                        end--;
                        if (end > 0 && bytes[end - 1] == '\r') {
                            end--;
                        }
                    }
                    if (end == 0) {
                        throw new IllegalArgumentException("is empty");
                    }
                    return SigningKey.ofBytes(Arrays.copyOf(bytes, end));
                case HEX:
                    return SigningKey.ofHex(new String(bytes, StandardCharsets.UTF_8));
                default:
                    return SigningKey.ofBase64(new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException e) {
            String why = e.getMessage().startsWith("signing key ") ? e.getMessage().substring(12) : e.getMessage();
            throw new IllegalArgumentException(source + " " + why);
        }
    }
}
