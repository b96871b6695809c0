package dev.imgsign.spring;

import dev.imgsign.expiring.link.ExpiringLinkSigner;
import dev.imgsign.expiring.link.ExpiringLinkVerifier;
import dev.imgsign.spring.properties.ExpiringProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code imgsign.expiring.*}: an {@link ExpiringLinkSigner} and an {@link ExpiringLinkVerifier}, built by the
 * {@code expiring} scheme provider.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(ExpiringLinkSigner.class)
@ConditionalOnSchemeKey("expiring")
class ExpiringConfiguration extends SchemeBeans<ExpiringProperties> {
    ExpiringConfiguration(ExpiringProperties properties) {
        super("expiring", properties);
    }

    @Override
    void options(ExpiringProperties p, Options o) {
        o.put("format", null, "hmac").put("host", "host", p.getHost())
                .put("expiresParam", "expires-param", p.getExpiresParam())
                .put("signatureParam", "signature-param", p.getSignatureParam())
                .put("leewaySeconds", "leeway", p.getLeeway()).put("expiredStatus", "expired-status", p.getExpiredStatus());
    }

    @Bean
    @ConditionalOnMissingBean
    ExpiringLinkSigner expiringLinkSigner() {
        return signer(ExpiringLinkSigner.class);
    }

    @Bean
    @ConditionalOnMissingBean
    ExpiringLinkVerifier expiringLinkVerifier() {
        return verifier(ExpiringLinkVerifier.class);
    }
}
