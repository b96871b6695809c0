package dev.imgsign.spring;

import dev.imgsign.thumbor.ThumborSigner;
import dev.imgsign.thumbor.ThumborVerifier;
import dev.imgsign.spring.properties.ThumborProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code imgsign.thumbor.*}: a {@link ThumborSigner} and a {@link ThumborVerifier}, built by the {@code
 * thumbor} scheme provider.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(ThumborSigner.class)
@ConditionalOnSchemeKey("thumbor")
class ThumborConfiguration extends SchemeBeans<ThumborProperties> {
    ThumborConfiguration(ThumborProperties properties) {
        super("thumbor", properties);
    }

    @Override
    void options(ThumborProperties p, Options o) {
        o.put("prefix", "prefix", p.getPrefix()).put("allowUnsafe", "allow-unsafe", p.getAllowUnsafe())
                .put("allowedSources", "allowed-sources", p.getAllowedSources());
    }

    @Bean
    @ConditionalOnMissingBean
    ThumborSigner thumborSigner() {
        return signer(ThumborSigner.class);
    }

    @Bean
    @ConditionalOnMissingBean
    ThumborVerifier thumborVerifier() {
        return verifier(ThumborVerifier.class);
    }
}
