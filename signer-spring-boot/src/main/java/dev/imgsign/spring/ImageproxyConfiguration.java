package dev.imgsign.spring;

import dev.imgsign.imageproxy.ImageproxySigner;
import dev.imgsign.imageproxy.ImageproxyVerifier;
import dev.imgsign.servlet.SignedUrlFilter;
import dev.imgsign.spring.properties.ImageproxyProperties;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * {@code imgsign.imageproxy.*}: an {@link ImageproxySigner} (when {@code base-url} is set), an
 * {@link ImageproxyVerifier} and, if enabled, the filter.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "dev.imgsign.imageproxy.ImageproxySigner")
@Conditional(ImageproxyConfiguration.KeyGiven.class)
class ImageproxyConfiguration {
    private static final String P = "imgsign.imageproxy";
    private final ImageproxyProperties properties;
    private final SchemeKeys keys;

    ImageproxyConfiguration(ImageproxyProperties properties) {
        this.properties = properties;
        this.keys = new SchemeKeys(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = P, name = "base-url")
    ImageproxySigner imageproxySigner() {
        ImageproxySigner.Builder b = ImageproxySigner.builder(keys.get());
        Settings.apply(P + ".base-url", properties.getBaseUrl(), b::baseUrl);
        Settings.apply(P + ".sign-options", properties.getSignOptions(), b::signOptions);
        Settings.apply(P + ".remote-url-form", properties.getRemoteUrlForm(), v -> b.remoteUrlForm(remoteUrlForm(v)));
        return Settings.build(P, b::build);
    }

    @Bean
    @ConditionalOnMissingBean
    ImageproxyVerifier imageproxyVerifier() {
        ImageproxyVerifier.Builder b = ImageproxyVerifier.builder(keys.get());
        Settings.apply(P + ".base-url", properties.getBaseUrl(), b::baseUrl);
        Settings.apply(P + ".require-signed-options", properties.getRequireSignedOptions(), b::requireSignedOptions);
        Settings.apply(P + ".allow-hosts", properties.getAllowHosts(), b::allowHosts);
        Settings.apply(P + ".deny-hosts", properties.getDenyHosts(), b::denyHosts);
        Settings.apply(P + ".max-length", properties.getMaxLength(), b::maxLength);
        return Settings.build(P, b::build);
    }

    private static ImageproxySigner.RemoteUrlForm remoteUrlForm(String name) {
        switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "raw":
                return ImageproxySigner.RemoteUrlForm.RAW;
            case "base64":
                return ImageproxySigner.RemoteUrlForm.BASE64;
            default:
                throw new IllegalArgumentException("must be raw or base64");
        }
    }

    static final class KeyGiven extends SchemeKeyCondition {
        KeyGiven() {
            super("imageproxy");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "dev.imgsign.servlet.SignedUrlFilter")
    @ConditionalOnProperty(prefix = P + ".filter", name = "enabled", havingValue = "true")
    static class Filter {
        @Bean
        @ConditionalOnMissingBean(name = "imgsignImageproxyFilter")
        FilterRegistrationBean<SignedUrlFilter> imgsignImageproxyFilter(ImageproxyProperties properties,
                ImageproxyVerifier verifier, ObjectProvider<VerificationObserver> observers) {
            return FilterRegistrations.of(properties, verifier, observers);
        }
    }
}
