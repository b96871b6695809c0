package dev.imgsign.spring;

import dev.imgsign.expiring.aurelia.AureliaLinkSigner;
import dev.imgsign.expiring.aurelia.AureliaLinkVerifier;
import dev.imgsign.spring.properties.AureliaProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code imgsign.aurelia.*}: an {@link AureliaLinkSigner} and an {@link AureliaLinkVerifier} (format {@code
 * aurelia}), built by the {@code expiring} scheme provider.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(AureliaLinkSigner.class)
@ConditionalOnSchemeKey("aurelia")
class AureliaConfiguration extends SchemeBeans<AureliaProperties> {
    AureliaConfiguration(AureliaProperties properties) {
        super("expiring", properties);
    }

    @Override
    void options(AureliaProperties p, Options o) {
        o.put("format", null, "aurelia").put("host", "host", p.getHost())
                .put("expiredStatus", "expired-status", p.getExpiredStatus());
    }

    @Bean
    @ConditionalOnMissingBean
    AureliaLinkSigner aureliaLinkSigner() {
        return signer(AureliaLinkSigner.class);
    }

    @Bean
    @ConditionalOnMissingBean
    AureliaLinkVerifier aureliaLinkVerifier() {
        return verifier(AureliaLinkVerifier.class);
    }
}
