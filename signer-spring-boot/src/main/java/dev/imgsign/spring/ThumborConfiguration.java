package dev.imgsign.spring;

import dev.imgsign.servlet.SignedUrlFilter;
import dev.imgsign.spring.properties.ThumborProperties;
import dev.imgsign.thumbor.ThumborSigner;
import dev.imgsign.thumbor.ThumborVerifier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** {@code imgsign.thumbor.*}: a {@link ThumborSigner}, a {@link ThumborVerifier} and, if enabled, the filter. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "dev.imgsign.thumbor.ThumborSigner")
@Conditional(ThumborConfiguration.KeyGiven.class)
class ThumborConfiguration {
    private static final String P = "imgsign.thumbor";
    private final ThumborProperties properties;
    private final SchemeKeys keys;

    ThumborConfiguration(ThumborProperties properties) {
        this.properties = properties;
        this.keys = new SchemeKeys(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    ThumborSigner thumborSigner() {
        ThumborSigner.Builder b = ThumborSigner.builder(keys.get());
        Settings.apply(P + ".prefix", properties.getPrefix(), b::prefix);
        return Settings.build(P, b::build);
    }

    @Bean
    @ConditionalOnMissingBean
    ThumborVerifier thumborVerifier() {
        ThumborVerifier.Builder b = ThumborVerifier.builder(keys.get());
        Settings.apply(P + ".prefix", properties.getPrefix(), b::prefix);
        Settings.apply(P + ".allow-unsafe", properties.getAllowUnsafe(), b::allowUnsafe);
        Settings.apply(P + ".allowed-sources",
                properties.getAllowedSources().isEmpty() ? null : properties.getAllowedSources(), b::allowedSources);
        Settings.apply(P + ".max-length", properties.getMaxLength(), b::maxLength);
        return Settings.build(P, b::build);
    }

    static final class KeyGiven extends SchemeKeyCondition {
        KeyGiven() {
            super("thumbor");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "dev.imgsign.servlet.SignedUrlFilter")
    @ConditionalOnProperty(prefix = P + ".filter", name = "enabled", havingValue = "true")
    static class Filter {
        @Bean
        @ConditionalOnMissingBean(name = "imgsignThumborFilter")
        FilterRegistrationBean<SignedUrlFilter> imgsignThumborFilter(ThumborProperties properties,
                ThumborVerifier verifier, ObjectProvider<VerificationObserver> observers) {
            return FilterRegistrations.of(properties, verifier, observers);
        }
    }
}
