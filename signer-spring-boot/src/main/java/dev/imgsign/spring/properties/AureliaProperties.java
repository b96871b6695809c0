package dev.imgsign.spring.properties;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Properties {@code imgsign.aurelia.*}: seed 001's aurelia links ({@code ?signature=&expires_at=}). Each
 * verification costs 8192 HMACs per key: rate-limit in front of the filter and prefer {@code expiring}.
 */
@ConfigurationProperties("imgsign.aurelia")
public class AureliaProperties extends SchemeProperties {
    /**
     * HTTP status the filter answers for an expired link. Default 404, as seed 001's server.
     */
    private Integer expiredStatus;

    /**
     * What signed links start with, such as https://img.example.com. Default: none (signed links are paths).
     * The verifier is given it too, so it also accepts the signer's full links.
     */
    private String host;

    /**
     * Longest request target, in characters, the verifier accepts.
     */
    private Integer maxLength;

    /**
     * How long links signed from templates (#imgsign.aurelia(path)) stay valid.
     */
    private Duration validity = Duration.ofHours(1);

    @Override
    public String scheme() {
        return "aurelia";
    }

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

    /** {@return the longest accepted request target, or null} */
    public Integer getMaxLength() {
        return maxLength;
    }

    /**
     * Sets the longest accepted request target.
     *
     * @param maxLength the longest accepted request target
     */
    public void setMaxLength(Integer maxLength) {
        this.maxLength = maxLength;
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
