package dev.imgsign.camo;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.internal.Settings;

/**
 * What a {@link CamoSigner.Builder} and a {@link CamoVerifier.Builder} share, declared once: the key set
 * and the prefix signed URLs start with.
 *
 * @param <B> the concrete builder, returned by the fluent setters
 */
abstract class CamoSettings<B extends CamoSettings<B>> {
    private final KeySet keys;
    private String prefix = "";

    CamoSettings(KeySet keys) {
        this.keys = Settings.required(keys, "keys");
    }

    /**
     * What the signer's URLs start with, for example {@code https://img.example.org}; trailing {@code /}
     * are dropped as {@code url-tool encode} drops them. A signer writes it before every signed URL; a
     * verifier given it also accepts the full URLs its signer returned (an input starting with it, byte
     * for byte, followed by {@code /} or {@code ?}, is verified without it). Default: empty (the signer
     * returns the path, the verifier reads request targets only).
     *
     * @param prefix the proxy's base URL, or empty for a path only
     * @return this builder
     * @throws IllegalArgumentException if {@code prefix} is null
     */
    public B prefix(String prefix) {
        Settings.required(prefix, "prefix");
        int end = prefix.length();
        while (end > 0 && prefix.charAt(end - 1) == '/') {
            end--;
        }
        this.prefix = prefix.substring(0, end);
        return self();
    }

    final KeySet keys() {
        return keys;
    }

    final String prefix() {
        return prefix;
    }

    @SuppressWarnings("unchecked")
    final B self() {
        return (B) this;
    }
}
