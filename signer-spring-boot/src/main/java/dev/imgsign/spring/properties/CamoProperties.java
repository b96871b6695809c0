package dev.imgsign.spring.properties;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Properties {@code imgsign.camo.*}: Camo (go-camo, atmos/camo) signing and verification. */
@ConfigurationProperties("imgsign.camo")
public class CamoProperties extends SchemeProperties {
    /**
     * What signed URLs start with, such as https://camo.example.org, or /camo when the application serves
     * the images itself. Default: empty (signed URLs are paths). The verifier is given it too, so it also
     * accepts the signer's full URLs.
     */
    private String prefix;

    /**
     * Layout of signed URLs: hex (default), base64 (go-camo only) or query.
     */
    private String encoding;

    /**
     * Whether the signer returns https URLs unchanged instead of proxying them. Default false.
     */
    private Boolean skipHttps;

    /**
     * Which server's rules the verifier follows: go-camo (default) or atmos-camo.
     */
    private String dialect;

    /**
     * Whether the verifier refuses target URLs whose host is a private, loopback or link-local address.
     */
    private Boolean rejectPrivateAddresses;

    /** Properties with no value set; Spring Boot binds them. */
    public CamoProperties() {
    }

    @Override
    public String scheme() {
        return "camo";
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

    /** {@return the encoding's name, or null} */
    public String getEncoding() {
        return encoding;
    }

    /**
     * Sets the encoding: hex, base64 or query.
     *
     * @param encoding the encoding: hex, base64 or query
     */
    public void setEncoding(String encoding) {
        this.encoding = encoding;
    }

    /** {@return whether https URLs are left alone, or null} */
    public Boolean getSkipHttps() {
        return skipHttps;
    }

    /**
     * Sets whether https URLs are left alone.
     *
     * @param skipHttps whether https URLs are left alone
     */
    public void setSkipHttps(Boolean skipHttps) {
        this.skipHttps = skipHttps;
    }

    /** {@return the dialect's name, or null} */
    public String getDialect() {
        return dialect;
    }

    /**
     * Sets the dialect: go-camo or atmos-camo.
     *
     * @param dialect the dialect: go-camo or atmos-camo
     */
    public void setDialect(String dialect) {
        this.dialect = dialect;
    }

    /** {@return whether private addresses are refused, or null} */
    public Boolean getRejectPrivateAddresses() {
        return rejectPrivateAddresses;
    }

    /**
     * Sets whether private addresses are refused.
     *
     * @param rejectPrivateAddresses whether private addresses are refused
     */
    public void setRejectPrivateAddresses(Boolean rejectPrivateAddresses) {
        this.rejectPrivateAddresses = rejectPrivateAddresses;
    }
}
