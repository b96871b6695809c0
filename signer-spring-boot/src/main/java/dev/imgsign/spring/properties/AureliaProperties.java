package dev.imgsign.spring.properties;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Properties {@code imgsign.aurelia.*}: seed 001's aurelia links ({@code ?signature=&expires_at=}). Each
 * verification costs 8192 HMACs per key: rate-limit in front of the filter and prefer {@code expiring}.
 */
@ConfigurationProperties("imgsign.aurelia")
public class AureliaProperties extends LinkProperties {
    /** Properties with no value set; Spring Boot binds them. */
    public AureliaProperties() {
    }

    @Override
    public String scheme() {
        return "aurelia";
    }
}
