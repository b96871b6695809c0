package dev.imgsign.spring;

import dev.imgsign.imageproxy.ImageproxySigner;
import dev.imgsign.imageproxy.ImageproxyVerifier;
import dev.imgsign.spring.properties.ImageproxyProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code imgsign.imageproxy.*}: an {@link ImageproxySigner} (when {@code base-url} is set) and an {@link
 * ImageproxyVerifier}, built by the {@code imageproxy} scheme provider.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(ImageproxySigner.class)
@ConditionalOnSchemeKey("imageproxy")
class ImageproxyConfiguration extends SchemeBeans<ImageproxyProperties> {
    ImageproxyConfiguration(ImageproxyProperties properties) {
        super("imageproxy", properties);
    }

    @Override
    void options(ImageproxyProperties p, Options o) {
        o.put("baseUrl", "base-url", p.getBaseUrl()).put("signOptions", "sign-options", p.getSignOptions())
                .put("remoteUrlForm", "remote-url-form", p.getRemoteUrlForm())
                .put("requireSignedOptions", "require-signed-options", p.getRequireSignedOptions())
                .put("allowHosts", "allow-hosts", p.getAllowHosts()).put("denyHosts", "deny-hosts", p.getDenyHosts())
                .put("referrers", "referrers", p.getReferrers());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "imgsign.imageproxy", name = "base-url")
    ImageproxySigner imageproxySigner() {
        return signer(ImageproxySigner.class);
    }

    @Bean
    @ConditionalOnMissingBean
    ImageproxyVerifier imageproxyVerifier() {
        return verifier(ImageproxyVerifier.class);
    }
}
