package dev.imgsign.core.spi;

/**
 * The HMAC hash functions the supported schemes use.
 *
 * @since 0.1.0
 */
public enum HmacAlgorithm {
    /** Camo (go-camo and atmos/camo), aurelia. */
    SHA1("SHA-1", "HmacSHA1", 20),
    /** willnorris/imageproxy, imageproxy-py weekly links, our generic expiring links. */
    SHA256("SHA-256", "HmacSHA256", 32);

    /** Both hash functions take 64-byte blocks (RFC 2104's B). */
    static final int BLOCK_SIZE = 64;

    private final String digestName;
    private final String macName;
    private final int macLength;

    HmacAlgorithm(String digestName, String macName, int macLength) {
        this.digestName = digestName;
        this.macName = macName;
        this.macLength = macLength;
    }

    /** {@return the JCA {@code MessageDigest} name} */
    public String digestName() {
        return digestName;
    }

    /** {@return the JCA {@code Mac} name} */
    public String macName() {
        return macName;
    }

    /** {@return the length of a full MAC in bytes} */
    public int macLength() {
        return macLength;
    }
}
