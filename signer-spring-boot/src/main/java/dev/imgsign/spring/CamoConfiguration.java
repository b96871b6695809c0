package dev.imgsign.spring;

import dev.imgsign.camo.CamoDialect;
import dev.imgsign.camo.CamoEncoding;
import dev.imgsign.camo.CamoSigner;
import dev.imgsign.camo.CamoVerifier;
import dev.imgsign.servlet.SignedUrlFilter;
import dev.imgsign.spring.properties.CamoProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** {@code imgsign.camo.*}: a {@link CamoSigner}, a {@link CamoVerifier} and, if enabled, the filter. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "dev.imgsign.camo.CamoSigner")
@Conditional(CamoConfiguration.KeyGiven.class)
class CamoConfiguration {
    private static final String P = "imgsign.camo";
    private final CamoProperties properties;
    private final SchemeKeys keys;

    CamoConfiguration(CamoProperties properties) {
        this.properties = properties;
        this.keys = new SchemeKeys(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    CamoSigner camoSigner() {
        CamoSigner.Builder b = CamoSigner.builder(keys.get());
        Settings.apply(P + ".prefix", properties.getPrefix(), b::prefix);
        Settings.apply(P + ".encoding", properties.getEncoding(), v -> b.encoding(CamoEncoding.fromName(v)));
        Settings.apply(P + ".skip-https", properties.getSkipHttps(), b::skipHttps);
        return Settings.build(P, b::build);
    }

    @Bean
    @ConditionalOnMissingBean
    CamoVerifier camoVerifier() {
        CamoVerifier.Builder b = CamoVerifier.builder(keys.get());
        Settings.apply(P + ".prefix", properties.getPrefix(), b::prefix);
        Settings.apply(P + ".dialect", properties.getDialect(), v -> b.dialect(CamoDialect.fromName(v)));
        Settings.apply(P + ".max-length", properties.getMaxLength(), b::maxLength);
        Settings.apply(P + ".reject-private-addresses", properties.getRejectPrivateAddresses(),
                b::rejectPrivateAddresses);
        return Settings.build(P, b::build);
    }

    static final class KeyGiven extends SchemeKeyCondition {
        KeyGiven() {
            super("camo");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "dev.imgsign.servlet.SignedUrlFilter")
    @ConditionalOnProperty(prefix = P + ".filter", name = "enabled", havingValue = "true")
    static class Filter {
        @Bean
        @ConditionalOnMissingBean(name = "imgsignCamoFilter")
        FilterRegistrationBean<SignedUrlFilter> imgsignCamoFilter(CamoProperties properties, CamoVerifier verifier,
                ObjectProvider<VerificationObserver> observers) {
            return FilterRegistrations.of(properties, verifier, observers);
        }
    }
}
