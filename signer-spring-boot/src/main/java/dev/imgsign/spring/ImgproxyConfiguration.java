package dev.imgsign.spring;

import dev.imgsign.imgproxy.ImgproxySigner;
import dev.imgsign.imgproxy.ImgproxyVerifier;
import dev.imgsign.spring.properties.ImgproxyProperties;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.MutuallyExclusiveConfigurationPropertiesException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code imgsign.imgproxy.*}: an {@link ImgproxySigner} and an {@link ImgproxyVerifier}, built by the
 * {@code imgproxy} scheme provider, which pairs each key with its salt.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(ImgproxySigner.class)
@ConditionalOnSchemeKey("imgproxy")
class ImgproxyConfiguration extends SchemeBeans<ImgproxyProperties> {
    private static final String P = "imgsign.imgproxy";

    ImgproxyConfiguration(ImgproxyProperties properties) {
        super("imgproxy", properties);
    }

    @Override
    void options(ImgproxyProperties p, Options o) {
        Set<String> given = new LinkedHashSet<>();
        if (p.getSaltEnv() != null && !p.getSaltEnv().isBlank()) {
            given.add(P + ".salt-env");
            o.put("saltsEnv", "salt-env", p.getSaltEnv().strip());
        }
        if (p.getSalt() != null && !p.getSalt().isBlank()) {
            given.add(P + ".salt");
            // No property named: the provider's message about a salt never holds it, the failure must not either.
            o.put("salts", null, p.getSalt());
        }
        if (given.size() > 1) {
            throw new MutuallyExclusiveConfigurationPropertiesException(given, List.of(P + ".salt-env", P + ".salt"));
        }
        if (given.isEmpty()) {
            throw new InvalidConfigurationPropertyValueException(P + ".salt-env", null,
                    "imgproxy needs a salt per key: set " + P + ".salt-env (or " + P + ".salt)");
        }
        o.put("signatureSize", "signature-size", p.getSignatureSize()).put("pathPrefix", "path-prefix", p.getPathPrefix())
                .put("baseUrl", "base-url", p.getBaseUrl()).put("sourceForm", "source-form", p.getSourceForm())
                .put("base64ChunkLength", "base64-chunk-length", p.getBase64ChunkLength())
                .put("serverVersion", "server-version", p.getServerVersion())
                .put("trustedSignatures", "trusted-signatures", p.getTrustedSignatures());
    }

    @Bean
    @ConditionalOnMissingBean
    ImgproxySigner imgproxySigner() {
        return signer(ImgproxySigner.class);
    }

    @Bean
    @ConditionalOnMissingBean
    ImgproxyVerifier imgproxyVerifier() {
        return verifier(ImgproxyVerifier.class);
    }
}
