package dev.imgsign.spring.properties;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Properties {@code imgsign.expiring.*}: generic expiring links ({@code ?expires=&signature=}, HMAC-SHA256). */
@ConfigurationProperties("imgsign.expiring")
public class ExpiringProperties extends SchemeProperties {
    /**
     * Name of the query parameter holding the expiry (Unix seconds). Default expires.
     */
    private String expiresParam;

    /**
     * Name of the query parameter holding the signature. Default signature.
     */
    private String signatureParam;

    /**
     * Clock skew the verifier tolerates after a link's expiry, such as 30s.
     */
    private Duration leeway;

    /**
     * HTTP status the filter answers for an expired link. Default 410.
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
     * How long links signed from templates (#imgsign.expiring(path)) stay valid.
     */
    private Duration validity = Duration.ofHours(1);

    @Override
    public String scheme() {
        return "expiring";
    }

    @Override
    protected boolean stripPrefixByDefault() {
        return false;
    }

    /** {@return the expiry parameter's name, or null} */
    public String getExpiresParam() {
        return expiresParam;
    }

    /**
     * Sets the expiry parameter's name.
     *
     * @param expiresParam the expiry parameter's name
     */
    public void setExpiresParam(String expiresParam) {
        this.expiresParam = expiresParam;
    }

    /** {@return the signature parameter's name, or null} */
    public String getSignatureParam() {
        return signatureParam;
    }

    /**
     * Sets the signature parameter's name.
     *
     * @param signatureParam the signature parameter's name
     */
    public void setSignatureParam(String signatureParam) {
        this.signatureParam = signatureParam;
    }

    /** {@return the tolerated skew, or null} */
    public Duration getLeeway() {
        return leeway;
    }

    /**
     * Sets the tolerated skew.
     *
     * @param leeway the tolerated skew
     */
    public void setLeeway(Duration leeway) {
        this.leeway = leeway;
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
