package dev.imgsign.spring.properties;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Properties {@code imgsign.imgproxy.*}: imgproxy signing and verification. Keys are IMGPROXY_KEY
 * (key-encoding defaults to hex here); each key needs its salt, given by salt-env or salt.
 */
@ConfigurationProperties("imgsign.imgproxy")
public class ImgproxyProperties extends SchemeProperties {
    /**
     * Environment variable holding the hex salts (IMGPROXY_SALT), comma-separated, one per key in the
     * keys' order (primary first). Exactly one of salt-env and salt.
     */
    private String saltEnv;

    /**
     * The hex salts themselves, comma-separated, one per key in the keys' order. Prefer salt-env.
     */
    private String salt;

    /**
     * Signature length in bytes, 1 to 32 (IMGPROXY_SIGNATURE_SIZE). Default 32.
     */
    private Integer signatureSize;

    /**
     * IMGPROXY_PATH_PREFIX, such as /img.
     */
    private String pathPrefix;

    /**
     * The imgproxy server's URL signed URLs start with, such as https://imgproxy.example.org. The verifier
     * is given it too, so it also accepts the signer's full URLs.
     */
    private String baseUrl;

    /**
     * How the signer writes the source URL: base64 (default) or plain.
     */
    private String sourceForm;

    /**
     * Length of the chunks the signer splits a base64 source URL into with /; default none.
     */
    private Integer base64ChunkLength;

    /**
     * Which server's rules the verifier follows: v4 (default) or v3.
     */
    private String serverVersion;

    /**
     * Signatures the verifier accepts verbatim (IMGPROXY_TRUSTED_SIGNATURES).
     */
    private List<String> trustedSignatures = new ArrayList<>();

    /** Properties with imgproxy's key encoding, hex, as the default. */
    public ImgproxyProperties() {
        setKeyEncoding("hex");
    }

    @Override
    public String scheme() {
        return "imgproxy";
    }

    @Override
    protected boolean stripPrefixByDefault() {
        return true;
    }

    /** {@return the salts' environment variable, or null} */
    public String getSaltEnv() {
        return saltEnv;
    }

    /**
     * Sets the salts' environment variable.
     *
     * @param saltEnv the salts' environment variable
     */
    public void setSaltEnv(String saltEnv) {
        this.saltEnv = saltEnv;
    }

    /** {@return the hex salts, or null} */
    public String getSalt() {
        return salt;
    }

    /**
     * Sets the hex salts.
     *
     * @param salt the hex salts, comma-separated
     */
    public void setSalt(String salt) {
        this.salt = salt;
    }

    /** {@return the signature size, or null} */
    public Integer getSignatureSize() {
        return signatureSize;
    }

    /**
     * Sets the signature size.
     *
     * @param signatureSize the signature size in bytes
     */
    public void setSignatureSize(Integer signatureSize) {
        this.signatureSize = signatureSize;
    }

    /** {@return the path prefix, or null} */
    public String getPathPrefix() {
        return pathPrefix;
    }

    /**
     * Sets the path prefix.
     *
     * @param pathPrefix the path prefix
     */
    public void setPathPrefix(String pathPrefix) {
        this.pathPrefix = pathPrefix;
    }

    /** {@return the base URL, or null} */
    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * Sets the base URL.
     *
     * @param baseUrl the imgproxy server's URL
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** {@return base64 or plain, or null} */
    public String getSourceForm() {
        return sourceForm;
    }

    /**
     * Sets the source URL form.
     *
     * @param sourceForm base64 or plain
     */
    public void setSourceForm(String sourceForm) {
        this.sourceForm = sourceForm;
    }

    /** {@return the base64 chunk length, or null} */
    public Integer getBase64ChunkLength() {
        return base64ChunkLength;
    }

    /**
     * Sets the base64 chunk length.
     *
     * @param base64ChunkLength the base64 chunk length
     */
    public void setBase64ChunkLength(Integer base64ChunkLength) {
        this.base64ChunkLength = base64ChunkLength;
    }

    /** {@return v3 or v4, or null} */
    public String getServerVersion() {
        return serverVersion;
    }

    /**
     * Sets the server version.
     *
     * @param serverVersion v3 or v4
     */
    public void setServerVersion(String serverVersion) {
        this.serverVersion = serverVersion;
    }

    /** {@return the trusted signatures} */
    public List<String> getTrustedSignatures() {
        return trustedSignatures;
    }

    /**
     * Sets the trusted signatures.
     *
     * @param trustedSignatures the trusted signatures
     */
    public void setTrustedSignatures(List<String> trustedSignatures) {
        this.trustedSignatures = trustedSignatures;
    }
}
