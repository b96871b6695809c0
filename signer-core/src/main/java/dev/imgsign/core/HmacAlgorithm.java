package dev.imgsign.core;

/** The HMAC hash functions the supported schemes use. */
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

    /** The JCA {@code MessageDigest} name. */
    public String digestName() {
        return digestName;
    }

    /** The JCA {@code Mac} name. */
    public String macName() {
        return macName;
    }

    /** Length of a full MAC in bytes. */
    public int macLength() {
        return macLength;
    }
}
