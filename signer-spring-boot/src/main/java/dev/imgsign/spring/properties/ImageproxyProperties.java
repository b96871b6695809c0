package dev.imgsign.spring.properties;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Properties {@code imgsign.imageproxy.*}: willnorris/imageproxy signing and verification. */
@ConfigurationProperties("imgsign.imageproxy")
public class ImageproxyProperties extends SchemeProperties {
    /**
     * The imageproxy server's URL signed URLs start with, such as https://img.example.org. Without it no
     * signer is created (a verifier still is). The verifier is given it too, so it also accepts the
     * signer's full URLs.
     */
    private String baseUrl;

    /**
     * Whether the signature covers the options (as imageproxy 0.11+ accepts). Default true.
     */
    private Boolean signOptions;

    /**
     * How the signer writes the remote URL: raw (default) or base64.
     */
    private String remoteUrlForm;

    /**
     * Whether the verifier refuses signatures over the URL alone when options are given. Default false.
     */
    private Boolean requireSignedOptions;

    /**
     * Hosts whose images the verifier accepts without a signature, as imageproxy's -allowHosts.
     */
    private List<String> allowHosts = new ArrayList<>();

    /**
     * Hosts whose images the verifier always refuses, as imageproxy's -denyHosts.
     */
    private List<String> denyHosts = new ArrayList<>();

    /**
     * Hosts whose pages may show the images, as imageproxy's -referrers: the verifier refuses a request
     * whose Referer header is missing or names another host (entries as for allow-hosts).
     */
    private List<String> referrers = new ArrayList<>();

    /** Properties with no value set; Spring Boot binds them. */
    public ImageproxyProperties() {
    }

    @Override
    public String scheme() {
        return "imageproxy";
    }

    @Override
    protected boolean stripPrefixByDefault() {
        return true;
    }

    /** imageproxy reads {@code -signatureKey @file} whole, trailing newline included. */
    @Override
    protected boolean keyFileKeepsNewlineByDefault() {
        return true;
    }

    /** {@return the base URL, or null} */
    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * Sets the imageproxy server's URL.
     *
     * @param baseUrl the imageproxy server's URL
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** {@return whether options are signed, or null} */
    public Boolean getSignOptions() {
        return signOptions;
    }

    /**
     * Sets whether options are signed.
     *
     * @param signOptions whether options are signed
     */
    public void setSignOptions(Boolean signOptions) {
        this.signOptions = signOptions;
    }

    /** {@return raw or base64, or null} */
    public String getRemoteUrlForm() {
        return remoteUrlForm;
    }

    /**
     * Sets the remote URL form: raw or base64.
     *
     * @param remoteUrlForm the remote URL form: raw or base64
     */
    public void setRemoteUrlForm(String remoteUrlForm) {
        this.remoteUrlForm = remoteUrlForm;
    }

    /** {@return whether signed options are required, or null} */
    public Boolean getRequireSignedOptions() {
        return requireSignedOptions;
    }

    /**
     * Sets whether signed options are required.
     *
     * @param requireSignedOptions whether signed options are required
     */
    public void setRequireSignedOptions(Boolean requireSignedOptions) {
        this.requireSignedOptions = requireSignedOptions;
    }

    /** {@return hosts accepted without a signature} */
    public List<String> getAllowHosts() {
        return allowHosts;
    }

    /**
     * Sets the hosts accepted without a signature.
     *
     * @param allowHosts the hosts accepted without a signature
     */
    public void setAllowHosts(List<String> allowHosts) {
        this.allowHosts = allowHosts;
    }

    /** {@return hosts always refused} */
    public List<String> getDenyHosts() {
        return denyHosts;
    }

    /**
     * Sets the hosts always refused.
     *
     * @param denyHosts the hosts always refused
     */
    public void setDenyHosts(List<String> denyHosts) {
        this.denyHosts = denyHosts;
    }

    /** {@return hosts a request's Referer must name; empty: any} */
    public List<String> getReferrers() {
        return referrers;
    }

    /**
     * Sets the hosts a request's Referer must name.
     *
     * @param referrers the hosts a request's Referer must name
     */
    public void setReferrers(List<String> referrers) {
        this.referrers = referrers;
    }
}
