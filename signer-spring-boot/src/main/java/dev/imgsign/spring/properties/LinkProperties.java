package dev.imgsign.spring.properties;

import java.time.Duration;

/**
 * What the expiring-link schemes ({@code imgsign.expiring.*}, {@code imgsign.aurelia.*}) share besides
 * the keys: where links point, how long template links live, the status of an expired link.
 */
public abstract class LinkProperties extends SchemeProperties {
    /**
     * HTTP status the filter answers for an expired link. Default 410 for expiring links; 404 for aurelia
     * links, as seed 001's server.
     */
    private Integer expiredStatus;

    /**
     * What signed links start with, such as https://img.example.com. Default: none (signed links are paths).
     * The verifier is given it too, so it also accepts the signer's full links.
     */
    private String host;

    /**
     * How long links signed from templates (#imgsign.expiring(path), #imgsign.aurelia(path)) stay valid.
     */
    private Duration validity = Duration.ofHours(1);

    /** For subclasses. */
    protected LinkProperties() {
    }

    /** Expiring links' signature covers the whole path, so the filter keeps the mapped prefix by default. */
    @Override
    protected boolean stripPrefixByDefault() {
        return false;
    }

    /** {@return the status for expired links, or null} */
    public Integer getExpiredStatus() {
        return expiredStatus;
    }

    /**
     * Sets the status for expired links.
     *
     * @param expiredStatus the status for expired links
     */
    public void setExpiredStatus(Integer expiredStatus) {
        this.expiredStatus = expiredStatus;
    }

    /** {@return the host prefix, or null} */
    public String getHost() {
        return host;
    }

    /**
     * Sets the host prefix.
     *
     * @param host the host prefix
     */
    public void setHost(String host) {
        this.host = host;
    }

    /** {@return how long template-signed links stay valid} */
    public Duration getValidity() {
        return validity;
    }

    /**
     * Sets how long template-signed links stay valid.
     *
     * @param validity how long template-signed links stay valid
     */
    public void setValidity(Duration validity) {
        this.validity = validity;
    }
}
