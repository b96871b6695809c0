package dev.imgsign.spring;

import dev.imgsign.camo.CamoSigner;
import dev.imgsign.camo.CamoVerifier;
import dev.imgsign.spring.properties.CamoProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code imgsign.camo.*}: a {@link CamoSigner} and a {@link CamoVerifier}, built by the {@code camo} scheme
 * provider.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(CamoSigner.class)
@ConditionalOnSchemeKey("camo")
class CamoConfiguration extends SchemeBeans<CamoProperties> {
    CamoConfiguration(CamoProperties properties) {
        super("camo", properties);
    }

    @Override
    void options(CamoProperties p, Options o) {
        o.put("prefix", "prefix", p.getPrefix()).put("encoding", "encoding", p.getEncoding())
                .put("skipHttps", "skip-https", p.getSkipHttps()).put("dialect", "dialect", p.getDialect())
                .put("rejectPrivateAddresses", "reject-private-addresses", p.getRejectPrivateAddresses());
    }

    @Bean
    @ConditionalOnMissingBean
    CamoSigner camoSigner() {
        return signer(CamoSigner.class);
    }

    @Bean
    @ConditionalOnMissingBean
    CamoVerifier camoVerifier() {
        return verifier(CamoVerifier.class);
    }
}
