package dev.imgsign.spring;

import dev.imgsign.expiring.aurelia.AureliaLinkSigner;
import dev.imgsign.expiring.aurelia.AureliaLinkVerifier;
import dev.imgsign.servlet.SignedUrlFilter;
import dev.imgsign.spring.properties.AureliaProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** {@code imgsign.aurelia.*}: an {@link AureliaLinkSigner}, an {@link AureliaLinkVerifier} and, if enabled, the filter. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "dev.imgsign.expiring.aurelia.AureliaLinkSigner")
@Conditional(AureliaConfiguration.KeyGiven.class)
class AureliaConfiguration {
    private static final String P = "imgsign.aurelia";
    private final AureliaProperties properties;
    private final SchemeKeys keys;

    AureliaConfiguration(AureliaProperties properties) {
        this.properties = properties;
        this.keys = new SchemeKeys(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    AureliaLinkSigner aureliaLinkSigner() {
        AureliaLinkSigner.Builder b = AureliaLinkSigner.builder(keys.get());
        Settings.apply(P + ".host", properties.getHost(), b::host);
        return Settings.build(P, b::build);
    }

    @Bean
    @ConditionalOnMissingBean
    AureliaLinkVerifier aureliaLinkVerifier() {
        AureliaLinkVerifier.Builder b = AureliaLinkVerifier.builder(keys.get());
        Settings.apply(P + ".host", properties.getHost(), b::host);
        Settings.apply(P + ".expired-status", properties.getExpiredStatus(), b::expiredStatus);
        Settings.apply(P + ".max-length", properties.getMaxLength(), b::maxLength);
        return Settings.build(P, b::build);
    }

    static final class KeyGiven extends SchemeKeyCondition {
        KeyGiven() {
            super("aurelia");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "dev.imgsign.servlet.SignedUrlFilter")
    @ConditionalOnProperty(prefix = P + ".filter", name = "enabled", havingValue = "true")
    static class Filter {
        @Bean
        @ConditionalOnMissingBean(name = "imgsignAureliaFilter")
        FilterRegistrationBean<SignedUrlFilter> imgsignAureliaFilter(AureliaProperties properties,
                AureliaLinkVerifier verifier, ObjectProvider<VerificationObserver> observers) {
            return FilterRegistrations.of(properties, verifier, observers);
        }
    }
}
