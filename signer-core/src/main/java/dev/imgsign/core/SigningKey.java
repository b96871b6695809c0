package dev.imgsign.core;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An immutable HMAC secret.
 *
 * <p>The bytes never leave this object except through {@link #copyBytes()}; {@link #toString()} shows
 * only the length and the optional non-secret {@linkplain #id() id}, so a key can be logged by accident
 * without harm. Equality is identity on purpose: comparing secrets is not something callers need.
 *
 * @since 0.1.0
 */
public final class SigningKey {
    private final byte[] secret;
    private final String id;

    private SigningKey(byte[] secret, String id) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("signing key is empty: an HMAC key needs at least one byte");
        }
        this.secret = secret;
        this.id = id;
    }

    /**
     * A key made of a copy of {@code secret}.
     *
     * @param secret the key bytes
     * @return the key
     */
    public static SigningKey ofBytes(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        return new SigningKey(secret.clone(), "");
    }

    /** The length of a {@linkplain #generate() generated} key: 32 bytes, the output size of HMAC-SHA256. */
    public static final int GENERATED_LENGTH = 32;

    /**
     * A new random key of {@value #GENERATED_LENGTH} bytes from {@link SecureRandom}.
     *
     * @return the key
     */
    public static SigningKey generate() {
        return generate(GENERATED_LENGTH);
    }

    /**
     * A new random key of {@code length} bytes from {@link SecureRandom}.
     *
     * @param length the number of bytes
     * @return the key
     * @throws IllegalArgumentException if {@code length} is not between 16 and 1024
     */
    public static SigningKey generate(int length) {
        if (length < KeyReader.RECOMMENDED_MIN_BYTES || length > 1024) {
            throw new IllegalArgumentException("generated key length is between " + KeyReader.RECOMMENDED_MIN_BYTES
                    + " and 1024 bytes, not " + length);
        }
        byte[] secret = new byte[length];
        new SecureRandom().nextBytes(secret);
        return new SigningKey(secret, "");
    }

    /**
     * A key made of the UTF-8 bytes of {@code secret}, as go-camo, imageproxy and Gazelle read their keys.
     *
     * @param secret the key's text
     * @return the key
     */
    public static SigningKey ofUtf8(String secret) {
        Objects.requireNonNull(secret, "secret");
        return new SigningKey(secret.getBytes(StandardCharsets.UTF_8), "");
    }

    /**
     * A key from hexadecimal text (either case).
     *
     * @param hex the key in hexadecimal, surrounding white space ignored
     * @return the key
     * @throws IllegalArgumentException if the text is not hexadecimal or is empty
     */
    public static SigningKey ofHex(String hex) {
        Objects.requireNonNull(hex, "hex");
        try {
            return new SigningKey(HexFormat.of().parseHex(hex.strip()), "");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signing key is not valid hexadecimal");
        }
    }

    /**
     * A key from base64 text, standard or URL-safe alphabet, padded or not.
     *
     * @param base64 the key in base64, surrounding white space ignored
     * @return the key
     * @throws IllegalArgumentException if the text is not base64 or is empty
     */
    public static SigningKey ofBase64(String base64) {
        Objects.requireNonNull(base64, "base64");
        String text = base64.strip();
        try {
            Base64.Decoder decoder = text.indexOf('-') >= 0 || text.indexOf('_') >= 0
                    ? Base64.getUrlDecoder() : Base64.getDecoder();
            return new SigningKey(decoder.decode(text), "");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signing key is not valid base64");
        }
    }

    /**
     * The same secret labelled with a non-secret id (for example {@code "2026-q4"}), reported in
     * {@link Verification.Accepted#keyId()} so that old keys can be retired once unused.
     *
     * @param id the label, not secret
     * @return a key with the same secret and that id
     */
    public SigningKey withId(String id) {
        Objects.requireNonNull(id, "id");
        return new SigningKey(secret, id);
    }

    /** {@return the non-secret label given with {@link #withId(String)}, or the empty string} */
    public String id() {
        return id;
    }

    /** {@return the number of secret bytes} */
    public int length() {
        return secret.length;
    }

    /**
     * A fresh copy of the secret bytes. Schemes that derive keys (weekly keys, aurelia) need them.
     *
     * @return the copy, which the caller should clear after use
     */
    public byte[] copyBytes() {
        return secret.clone();
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return id.isEmpty()
                ? "SigningKey[" + secret.length + " bytes, redacted]"
                : "SigningKey[id=" + id + ", " + secret.length + " bytes, redacted]";
    }
}
