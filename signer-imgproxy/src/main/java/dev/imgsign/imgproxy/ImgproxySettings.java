package dev.imgsign.imgproxy;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.internal.Settings;

/**
 * The settings an {@link ImgproxySigner} and an {@link ImgproxyVerifier} share, declared once: the salts
 * paired with the builder's keys, the signature size, the base URL and the path prefix. Both builders
 * extend it, so a signer and a verifier configured alike read every shared value the same way.
 *
 * @param <B> the concrete builder, returned by every setter
 */
abstract class ImgproxySettings<B extends ImgproxySettings<B>> {
    /** Null only for a verifier that checks no signature ({@link ImgproxyVerifier#builderWithoutKeys()}). */
    private final KeySet keys;
    private KeySet salts;
    int signatureSize = 32;
    String baseUrl = "";
    String pathPrefix = "";

    ImgproxySettings(KeySet keys) {
        this.keys = keys;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * {@code IMGPROXY_SALT}: one salt per key of the builder's key set, in the same order (salt {@code i}
     * goes with key {@code i}; the first pair signs). Required with keys. For example
     * {@code KeySet.of(SigningKey.ofHex(System.getenv("IMGPROXY_SALT")))}.
     *
     * @param salts the salts, as many as keys
     * @return this builder
     * @throws IllegalArgumentException if {@code salts} is null
     */
    public B salts(KeySet salts) {
        this.salts = Settings.required(salts, "salts");
        return self();
    }

    /**
     * {@code IMGPROXY_SIGNATURE_SIZE}: MAC bytes kept in the signature, 1..32 (default 32).
     *
     * @param bytes the number of bytes
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public B signatureSize(int bytes) {
        Settings.check(bytes >= 1 && bytes <= 32, "signatureSize", "must be within 1..32, got " + bytes);
        this.signatureSize = bytes;
        return self();
    }

    /**
     * The proxy's scheme, host and port, for example {@code https://imgproxy.example.com}; trailing
     * {@code /} are removed (one would double the slash before the signature, which v3 answers 404).
     * The signer prepends it to every URL; the verifier then also accepts those full URLs (an input
     * starting with it, byte for byte, followed by {@code /} or {@code ?} is verified without it).
     * Default {@code ""}: paths alone.
     *
     * @param baseUrl the base URL
     * @return this builder
     * @throws IllegalArgumentException if null, not ASCII, or holding a blank, {@code ?} or {@code #}
     */
    public B baseUrl(String baseUrl) {
        String b = Settings.required(baseUrl, "baseUrl");
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            Settings.check(c > 0x20 && c < 0x7f && c != '?' && c != '#', "baseUrl",
                    "must be ASCII without blanks, '?' or '#'");
        }
        this.baseUrl = b;
        return self();
    }

    /**
     * {@code IMGPROXY_PATH_PREFIX}, or {@code /info} for info URLs: a path before the signature that is
     * not signed. Starts with {@code /}, does not end with one; letters, digits and {@code -._~/}; default
     * none.
     *
     * @param pathPrefix the path prefix
     * @return this builder
     * @throws IllegalArgumentException if null or not of that form
     */
    public B pathPrefix(String pathPrefix) {
        String p = Settings.required(pathPrefix, "pathPrefix");
        if (!p.isEmpty()) {
            Settings.check(p.startsWith("/") && !p.endsWith("/"), "pathPrefix",
                    "must start with '/' and not end with one");
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                Settings.check((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || "-._~/".indexOf(c) >= 0, "pathPrefix", "must be letters, digits and -._~/ only");
            }
        }
        this.pathPrefix = p;
        return self();
    }

    /** The key/salt pairs, checked; {@code null} for an unsigned verifier (which must not have salts). */
    ImgproxyKeys pairs() {
        if (keys == null) {
            Settings.check(salts == null, "salts", "a verifier that checks no signature has no keys to pair them with");
            return null;
        }
        Settings.check(salts != null, "salts", "required: imgproxy signs with key/salt pairs (IMGPROXY_SALT)");
        return ImgproxyKeys.of(keys, salts);
    }
}
