package dev.imgsign.spring.properties;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Properties {@code imgsign.html.*}: the {@code HtmlImageRewriter} bean created when signer-html is on the
 * class path and the chosen scheme has a key.
 */
@ConfigurationProperties("imgsign.html")
public class HtmlProperties {
    /**
     * Scheme whose signer rewrites image URLs in HTML: camo (default) or imageproxy.
     */
    private String scheme = "camo";

    /**
     * URLs starting with this absolute prefix are already proxied and left alone, such as
     * https://camo.example.org.
     */
    private String proxyPrefix;

    /**
     * Hosts whose images are left alone (your own CDN); a leading dot allows every subdomain.
     */
    private List<String> allowHosts = new ArrayList<>();

    /**
     * Whether https image URLs are left alone. Default true.
     */
    private boolean skipHttps = true;

    /**
     * Whether URLs in inline style attributes are rewritten too. Default false.
     */
    private boolean rewriteStyles;

    /**
     * What to do with a URL that cannot be signed: keep (default) or drop.
     */
    private String onFailure = "keep";

    /** Properties with no value set; Spring Boot binds them. */
    public HtmlProperties() {
    }

    /** {@return camo or imageproxy} */
    public String getScheme() {
        return scheme;
    }

    /**
     * Sets the scheme: camo or imageproxy.
     *
     * @param scheme the scheme: camo or imageproxy
     */
    public void setScheme(String scheme) {
        this.scheme = scheme;
    }

    /** {@return the proxy prefix, or null} */
    public String getProxyPrefix() {
        return proxyPrefix;
    }

    /**
     * Sets the proxy prefix.
     *
     * @param proxyPrefix the proxy prefix
     */
    public void setProxyPrefix(String proxyPrefix) {
        this.proxyPrefix = proxyPrefix;
    }

    /** {@return hosts left alone} */
    public List<String> getAllowHosts() {
        return allowHosts;
    }

    /**
     * Sets the hosts left alone.
     *
     * @param allowHosts the hosts left alone
     */
    public void setAllowHosts(List<String> allowHosts) {
        this.allowHosts = allowHosts;
    }

    /** {@return whether https URLs are left alone} */
    public boolean isSkipHttps() {
        return skipHttps;
    }

    /**
     * Sets whether https URLs are left alone.
     *
     * @param skipHttps whether https URLs are left alone
     */
    public void setSkipHttps(boolean skipHttps) {
        this.skipHttps = skipHttps;
    }

    /** {@return whether style attributes are rewritten} */
    public boolean isRewriteStyles() {
        return rewriteStyles;
    }

    /**
     * Sets whether style attributes are rewritten.
     *
     * @param rewriteStyles whether style attributes are rewritten
     */
    public void setRewriteStyles(boolean rewriteStyles) {
        this.rewriteStyles = rewriteStyles;
    }

    /** {@return keep or drop} */
    public String getOnFailure() {
        return onFailure;
    }

    /**
     * Sets the failure action: keep or drop.
     *
     * @param onFailure the failure action: keep or drop
     */
    public void setOnFailure(String onFailure) {
        this.onFailure = onFailure;
    }
}
