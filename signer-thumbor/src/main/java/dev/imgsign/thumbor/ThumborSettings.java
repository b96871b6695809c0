package dev.imgsign.thumbor;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.internal.Settings;

/**
 * The settings a {@link ThumborSigner} and a {@link ThumborVerifier} share, declared once: the key set
 * (the builder's argument) and the prefix signed URLs start with.
 *
 * @param <B> the concrete builder, returned by every setter
 */
abstract class ThumborSettings<B extends ThumborSettings<B>> {
    final KeySet keys;
    String prefix = "";

    ThumborSettings(KeySet keys) {
        this.keys = Settings.required(keys, "keys");
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * What signed URLs start with, for example {@code https://thumbor.example.org}; trailing {@code /} are
     * dropped. The signer prepends it; the verifier then also accepts the signer's full URLs (an input
     * starting with it, byte for byte, followed by {@code /} or {@code ?} is verified without it).
     * Default: empty (paths and request targets only).
     *
     * @param prefix the prefix
     * @return this builder
     * @throws IllegalArgumentException if {@code prefix} is null
     */
    public B prefix(String prefix) {
        String p = Settings.required(prefix, "prefix");
        int end = p.length();
        while (end > 0 && p.charAt(end - 1) == '/') {
            end--;
        }
        this.prefix = p.substring(0, end);
        return self();
    }
}
