package dev.imgsign.spring;

import dev.imgsign.expiring.link.ExpiringLinkSigner;
import dev.imgsign.expiring.link.ExpiringLinkVerifier;
import dev.imgsign.servlet.SignedUrlFilter;
import dev.imgsign.spring.properties.ExpiringProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** {@code imgsign.expiring.*}: an {@link ExpiringLinkSigner}, an {@link ExpiringLinkVerifier} and, if enabled, the filter. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "dev.imgsign.expiring.link.ExpiringLinkSigner")
@Conditional(ExpiringConfiguration.KeyGiven.class)
class ExpiringConfiguration {
    private static final String P = "imgsign.expiring";
    private final ExpiringProperties properties;
    private final SchemeKeys keys;

    ExpiringConfiguration(ExpiringProperties properties) {
        this.properties = properties;
        this.keys = new SchemeKeys(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    ExpiringLinkSigner expiringLinkSigner() {
        ExpiringLinkSigner.Builder b = ExpiringLinkSigner.builder(keys.get());
        Settings.apply(P + ".expires-param", properties.getExpiresParam(), b::expiresParam);
        Settings.apply(P + ".signature-param", properties.getSignatureParam(), b::signatureParam);
        Settings.apply(P + ".host", properties.getHost(), b::host);
        return Settings.build(P, b::build);
    }

    @Bean
    @ConditionalOnMissingBean
    ExpiringLinkVerifier expiringLinkVerifier() {
        ExpiringLinkVerifier.Builder b = ExpiringLinkVerifier.builder(keys.get());
        Settings.apply(P + ".host", properties.getHost(), b::host);
        Settings.apply(P + ".expires-param", properties.getExpiresParam(), b::expiresParam);
        Settings.apply(P + ".signature-param", properties.getSignatureParam(), b::signatureParam);
        Settings.apply(P + ".leeway", properties.getLeeway(), v -> b.leewaySeconds(v.toSeconds()));
        Settings.apply(P + ".expired-status", properties.getExpiredStatus(), b::expiredStatus);
        Settings.apply(P + ".max-length", properties.getMaxLength(), b::maxLength);
        return Settings.build(P, b::build);
    }

    static final class KeyGiven extends SchemeKeyCondition {
        KeyGiven() {
            super("expiring");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "dev.imgsign.servlet.SignedUrlFilter")
    @ConditionalOnProperty(prefix = P + ".filter", name = "enabled", havingValue = "true")
    static class Filter {
        @Bean
        @ConditionalOnMissingBean(name = "imgsignExpiringFilter")
        FilterRegistrationBean<SignedUrlFilter> imgsignExpiringFilter(ExpiringProperties properties,
                ExpiringLinkVerifier verifier, ObjectProvider<VerificationObserver> observers) {
            return FilterRegistrations.of(properties, verifier, observers);
        }
    }
}
