package dev.imgsign.spring;

import dev.imgsign.html.FailureAction;
import dev.imgsign.html.HtmlImageRewriter;
import dev.imgsign.spring.properties.AureliaProperties;
import dev.imgsign.spring.properties.CamoProperties;
import dev.imgsign.spring.properties.ExpiringProperties;
import dev.imgsign.spring.properties.HtmlProperties;
import dev.imgsign.spring.properties.ImageproxyProperties;
import dev.imgsign.spring.properties.ImgproxyProperties;
import dev.imgsign.spring.properties.SchemeProperties;
import dev.imgsign.spring.properties.ThumborProperties;
import dev.imgsign.spring.properties.WeeklyProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Spring Boot auto-configuration for imgsign (Boot 3.5 and 4.0): for each scheme with a key under
 * {@code imgsign.<scheme>.*} a signer and a verifier bean, the servlet filter on {@code filter.path} when
 * {@code filter.enabled}, the {@code #imgsign} Thymeleaf expression object ({@link ImgsignDialect}), an
 * {@code HtmlImageRewriter} when signer-html is present, and a Micrometer counter of the filters'
 * verifications. Every bean backs off when the application defines its own.
 */
@AutoConfiguration
@EnableConfigurationProperties({CamoProperties.class, ImageproxyProperties.class, WeeklyProperties.class,
        ExpiringProperties.class, AureliaProperties.class, ImgproxyProperties.class, ThumborProperties.class,
        HtmlProperties.class})
@Import({CamoConfiguration.class, ImageproxyConfiguration.class, WeeklyConfiguration.class,
        ExpiringConfiguration.class, AureliaConfiguration.class, ImgproxyConfiguration.class,
        ThumborConfiguration.class})
public class ImgsignAutoConfiguration {
    /** A class of each scheme's module, to tell a user who configures a scheme whose module is missing. */
    private static final Map<String, String> MODULE_CLASSES = Map.of(
            "camo", "dev.imgsign.camo.CamoSigner",
            "imageproxy", "dev.imgsign.imageproxy.ImageproxySigner",
            "weekly", "dev.imgsign.expiring.weekly.WeeklyLinkSigner",
            "expiring", "dev.imgsign.expiring.link.ExpiringLinkSigner",
            "aurelia", "dev.imgsign.expiring.aurelia.AureliaLinkSigner",
            "imgproxy", "dev.imgsign.imgproxy.ImgproxySigner",
            "thumbor", "dev.imgsign.thumbor.ThumborSigner");

    /** Created by Spring Boot. */
    public ImgsignAutoConfiguration() {
    }

    @Bean
    static ConfigurationCheck imgsignConfigurationCheck(Environment environment, List<SchemeProperties> schemes) {
        return new ConfigurationCheck(environment, schemes, MODULE_CLASSES);
    }

    /**
     * The signed-URL helper behind {@code #imgsign}.
     *
     * @param beans where the signer beans are looked up
     * @param expiring for the default validity of expiring links
     * @param aurelia for the default validity of aurelia links
     * @return the helper
     */
    @Bean
    @ConditionalOnMissingBean
    public SignedUrls imgsignSignedUrls(BeanFactory beans, ExpiringProperties expiring, AureliaProperties aurelia) {
        return new SignedUrls(beans, expiring.getValidity(), aurelia.getValidity());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.thymeleaf.dialect.IExpressionObjectDialect")
    static class Thymeleaf {
        @Bean
        @ConditionalOnMissingBean
        ImgsignDialect imgsignDialect(SignedUrls urls) {
            return new ImgsignDialect(urls);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "dev.imgsign.html.HtmlImageRewriter")
    @Conditional(HtmlSchemeReady.class)
    static class Html {
        @Bean
        @ConditionalOnMissingBean
        HtmlImageRewriter imgsignHtmlImageRewriter(HtmlProperties html, SignedUrls urls, CamoProperties camo,
                ImageproxyProperties imageproxy) {
            String scheme = html.getScheme() == null ? "" : html.getScheme().strip().toLowerCase(Locale.ROOT);
            HtmlImageRewriter.Builder b;
            String signerPrefix;
            if (scheme.equals("camo")) {
                b = HtmlImageRewriter.builder(image -> urls.camo(image.url()));
                signerPrefix = camo.getPrefix();
            } else if (scheme.equals("imageproxy")) {
                b = HtmlImageRewriter.builder(image -> urls.imageproxy(image.url()));
                signerPrefix = imageproxy.getBaseUrl();
            } else {
                throw new InvalidConfigurationPropertyValueException("imgsign.html.scheme", html.getScheme(),
                        "must be camo or imageproxy");
            }
            String proxyPrefix = html.getProxyPrefix();
            if (proxyPrefix == null && signerPrefix != null && isHttpUrl(signerPrefix)) {
                proxyPrefix = signerPrefix;
            }
            Settings.apply("imgsign.html.proxy-prefix", proxyPrefix, b::proxyPrefix);
            Settings.apply("imgsign.html.allow-hosts", html.getAllowHosts(), hosts -> hosts.forEach(b::allowHost));
            b.skipHttps(html.isSkipHttps()).rewriteStyles(html.isRewriteStyles());
            Settings.apply("imgsign.html.on-failure", html.getOnFailure(),
                    v -> b.onFailure(FailureAction.valueOf(v.strip().toUpperCase(Locale.ROOT))));
            return b.build();
        }
    }

    private static boolean isHttpUrl(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** The scheme {@code imgsign.html.scheme} names has a key (and, for imageproxy, a base URL). */
    static final class HtmlSchemeReady extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment env = context.getEnvironment();
            String scheme = env.getProperty("imgsign.html.scheme", "camo").strip().toLowerCase(Locale.ROOT);
            if (scheme.equals("imageproxy") && !env.containsProperty("imgsign.imageproxy.base-url")) {
                return ConditionOutcome.noMatch("imgsign.imageproxy.base-url is not set");
            }
            return SchemeKeyCondition.outcome(env, scheme);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    static class Metrics {
        @Bean
        @ConditionalOnMissingBean
        VerificationObserver imgsignVerificationMetrics(ObjectProvider<MeterRegistry> registries) {
            return new MicrometerVerificationObserver(registries);
        }
    }
}
