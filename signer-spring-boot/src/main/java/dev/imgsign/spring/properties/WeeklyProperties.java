package dev.imgsign.spring.properties;

import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Properties {@code imgsign.weekly.*}: Gazelle / imageproxy-py links signed with weekly keys. */
@ConfigurationProperties("imgsign.weekly")
public class WeeklyProperties extends SchemeProperties {
    /**
     * Message format: bucket (the default, current imageproxy-py) or v1 (its first version).
     */
    private String protocol;

    /**
     * Whether /proxy is part of the signed message for proxy links: true (default, as Gazelle signs) or
     * false (as the current imageproxy-py checks).
     */
    private Boolean proxyInMessage;

    /**
     * Legacy week keys from the calendar year instead of the ISO week-based year. Default false.
     */
    private Boolean calendarYearKeys;

    /**
     * Time zone in which weeks are counted, such as UTC (the default) or Europe/Paris.
     */
    private String zone;

    /**
     * What signed links start with (IMAGE_CACHE_HOST), such as https://img.example.com. The verifier is
     * given it too, so it also accepts the signer's full links.
     */
    private String host;

    /**
     * Image URLs starting with this prefix (Gazelle's STATIC_SERVER) are returned unsigned.
     */
    private String staticServer;

    /**
     * Whether image URLs not starting with http are returned unchanged (default true) or refused.
     */
    private Boolean passThroughNonHttp;

    /**
     * Previous weeks whose keys the verifier still accepts.
     */
    private Integer graceWeeks;

    /**
     * Sizes (pixels per side) the verifier accepts; default 150, 250 and 500.
     */
    private Set<Integer> allowedSizes = new LinkedHashSet<>();

    /** Properties with no value set; Spring Boot binds them. */
    public WeeklyProperties() {
    }

    @Override
    public String scheme() {
        return "weekly";
    }

    @Override
    protected boolean stripPrefixByDefault() {
        return true;
    }

    /** {@return bucket or v1, or null} */
    public String getProtocol() {
        return protocol;
    }

    /**
     * Sets the protocol: bucket or v1.
     *
     * @param protocol the protocol: bucket or v1
     */
    public void setProtocol(String protocol) {
        this.protocol = protocol;
    }

    /** {@return whether /proxy is signed, or null} */
    public Boolean getProxyInMessage() {
        return proxyInMessage;
    }

    /**
     * Sets whether /proxy is signed.
     *
     * @param proxyInMessage whether /proxy is signed
     */
    public void setProxyInMessage(Boolean proxyInMessage) {
        this.proxyInMessage = proxyInMessage;
    }

    /** {@return whether legacy calendar-year keys are used, or null} */
    public Boolean getCalendarYearKeys() {
        return calendarYearKeys;
    }

    /**
     * Sets whether legacy calendar-year keys are used.
     *
     * @param calendarYearKeys whether legacy calendar-year keys are used
     */
    public void setCalendarYearKeys(Boolean calendarYearKeys) {
        this.calendarYearKeys = calendarYearKeys;
    }

    /** {@return the zone id, or null} */
    public String getZone() {
        return zone;
    }

    /**
     * Sets the zone id.
     *
     * @param zone the zone id
     */
    public void setZone(String zone) {
        this.zone = zone;
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

    /** {@return the static server prefix, or null} */
    public String getStaticServer() {
        return staticServer;
    }

    /**
     * Sets the static server prefix.
     *
     * @param staticServer the static server prefix
     */
    public void setStaticServer(String staticServer) {
        this.staticServer = staticServer;
    }

    /** {@return whether non-http URLs pass through, or null} */
    public Boolean getPassThroughNonHttp() {
        return passThroughNonHttp;
    }

    /**
     * Sets whether non-http URLs pass through.
     *
     * @param passThroughNonHttp whether non-http URLs pass through
     */
    public void setPassThroughNonHttp(Boolean passThroughNonHttp) {
        this.passThroughNonHttp = passThroughNonHttp;
    }

    /** {@return the grace weeks, or null} */
    public Integer getGraceWeeks() {
        return graceWeeks;
    }

    /**
     * Sets the grace weeks.
     *
     * @param graceWeeks the grace weeks
     */
    public void setGraceWeeks(Integer graceWeeks) {
        this.graceWeeks = graceWeeks;
    }

    /** {@return the allowed sizes; empty for the default} */
    public Set<Integer> getAllowedSizes() {
        return allowedSizes;
    }

    /**
     * Sets the allowed sizes.
     *
     * @param allowedSizes the allowed sizes
     */
    public void setAllowedSizes(Set<Integer> allowedSizes) {
        this.allowedSizes = allowedSizes;
    }
}
