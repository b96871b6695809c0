package dev.imgsign.spring.properties;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Properties {@code imgsign.thumbor.*}: thumbor signing and verification (the key is SECURITY_KEY). */
@ConfigurationProperties("imgsign.thumbor")
public class ThumborProperties extends SchemeProperties {
    /**
     * What signed URLs start with, such as https://thumbor.example.org. Default: empty (signed URLs are paths).
     * The verifier is given it too, so it also accepts the signer's full URLs.
     */
    private String prefix;

    /**
     * Whether the verifier accepts /unsafe/ URLs (thumbor's ALLOW_UNSAFE_URL). Default false.
     */
    private Boolean allowUnsafe;

    /**
     * Image hosts the verifier accepts (thumbor's ALLOWED_SOURCES, plain host form); default any host.
     */
    private List<String> allowedSources = new ArrayList<>();

    /** Properties with no value set; Spring Boot binds them. */
    public ThumborProperties() {
    }

    @Override
    public String scheme() {
        return "thumbor";
    }

    @Override
    protected boolean stripPrefixByDefault() {
        return true;
    }

    /** {@return the prefix, or null} */
    public String getPrefix() {
        return prefix;
    }

    /**
     * Sets what signed URLs start with.
     *
     * @param prefix what signed URLs start with
     */
    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    /** {@return whether unsafe URLs are accepted, or null} */
    public Boolean getAllowUnsafe() {
        return allowUnsafe;
    }

    /**
     * Sets whether unsafe URLs are accepted.
     *
     * @param allowUnsafe whether unsafe URLs are accepted
     */
    public void setAllowUnsafe(Boolean allowUnsafe) {
        this.allowUnsafe = allowUnsafe;
    }

    /** {@return the accepted image hosts; empty for any} */
    public List<String> getAllowedSources() {
        return allowedSources;
    }

    /**
     * Sets the accepted image hosts.
     *
     * @param allowedSources the accepted image hosts
     */
    public void setAllowedSources(List<String> allowedSources) {
        this.allowedSources = allowedSources;
    }
}
