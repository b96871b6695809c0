package dev.imgsign.spring.properties;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Properties {@code imgsign.expiring.*}: generic expiring links ({@code ?expires=&signature=}, HMAC-SHA256). */
@ConfigurationProperties("imgsign.expiring")
public class ExpiringProperties extends LinkProperties {
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

    /** Properties with no value set; Spring Boot binds them. */
    public ExpiringProperties() {
    }

    @Override
    public String scheme() {
        return "expiring";
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
}
