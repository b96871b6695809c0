package dev.imgsign.spring;

import dev.imgsign.core.spi.SchemeConfig;
import dev.imgsign.imgproxy.ImgproxySchemeProvider;
import dev.imgsign.imgproxy.ImgproxySigner;
import dev.imgsign.imgproxy.ImgproxyVerifier;
import dev.imgsign.servlet.SignedUrlFilter;
import dev.imgsign.spring.properties.ImgproxyProperties;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.MutuallyExclusiveConfigurationPropertiesException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * {@code imgsign.imgproxy.*}: an {@link ImgproxySigner}, an {@link ImgproxyVerifier} and, if enabled, the
 * filter. Built through the scheme's provider, which pairs each key with its salt.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "dev.imgsign.imgproxy.ImgproxySigner")
@Conditional(ImgproxyConfiguration.KeyGiven.class)
class ImgproxyConfiguration {
    private static final String P = "imgsign.imgproxy";
    private final ImgproxyProperties properties;
    private final SchemeKeys keys;

    ImgproxyConfiguration(ImgproxyProperties properties) {
        this.properties = properties;
        this.keys = new SchemeKeys(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    ImgproxySigner imgproxySigner() {
        return Settings.build(P, () -> new ImgproxySchemeProvider().signer(config()));
    }

    @Bean
    @ConditionalOnMissingBean
    ImgproxyVerifier imgproxyVerifier() {
        return Settings.build(P, () -> new ImgproxySchemeProvider().verifier(config()));
    }

    private SchemeConfig config() {
        SchemeConfig.Builder b = SchemeConfig.builder().keys(keys.get());
        Set<String> given = new LinkedHashSet<>();
        if (properties.getSaltEnv() != null && !properties.getSaltEnv().isBlank()) {
            given.add(P + ".salt-env");
            b.option("saltsEnv", properties.getSaltEnv().strip());
        }
        if (properties.getSalt() != null && !properties.getSalt().isBlank()) {
            given.add(P + ".salt");
            b.option("salts", properties.getSalt());
        }
        if (given.size() > 1) {
            throw new MutuallyExclusiveConfigurationPropertiesException(given, List.of(P + ".salt-env", P + ".salt"));
        }
        if (given.isEmpty()) {
            throw new InvalidConfigurationPropertyValueException(P + ".salt-env", null,
                    "imgproxy needs a salt per key: set " + P + ".salt-env (or " + P + ".salt)");
        }
        option(b, "signatureSize", properties.getSignatureSize());
        option(b, "pathPrefix", properties.getPathPrefix());
        option(b, "baseUrl", properties.getBaseUrl());
        option(b, "sourceForm", properties.getSourceForm());
        option(b, "base64ChunkLength", properties.getBase64ChunkLength());
        option(b, "serverVersion", properties.getServerVersion());
        option(b, "maxLength", properties.getMaxLength());
        if (!properties.getTrustedSignatures().isEmpty()) {
            b.option("trustedSignatures", String.join(",", properties.getTrustedSignatures()));
        }
        return b.build();
    }

    private static void option(SchemeConfig.Builder builder, String name, Object value) {
        if (value != null) {
            builder.option(name, value.toString());
        }
    }

    static final class KeyGiven extends SchemeKeyCondition {
        KeyGiven() {
            super("imgproxy");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "dev.imgsign.servlet.SignedUrlFilter")
    @ConditionalOnProperty(prefix = P + ".filter", name = "enabled", havingValue = "true")
    static class Filter {
        @Bean
        @ConditionalOnMissingBean(name = "imgsignImgproxyFilter")
        FilterRegistrationBean<SignedUrlFilter> imgsignImgproxyFilter(ImgproxyProperties properties,
                ImgproxyVerifier verifier, ObjectProvider<VerificationObserver> observers) {
            return FilterRegistrations.of(properties, verifier, observers);
        }
    }
}
