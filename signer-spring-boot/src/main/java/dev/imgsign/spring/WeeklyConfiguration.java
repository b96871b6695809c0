package dev.imgsign.spring;

import dev.imgsign.expiring.weekly.WeeklyLinkSigner;
import dev.imgsign.expiring.weekly.WeeklyLinkVerifier;
import dev.imgsign.spring.properties.WeeklyProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code imgsign.weekly.*}: a {@link WeeklyLinkSigner} and a {@link WeeklyLinkVerifier}, built by the {@code
 * weekly} scheme provider.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(WeeklyLinkSigner.class)
@ConditionalOnSchemeKey("weekly")
class WeeklyConfiguration extends SchemeBeans<WeeklyProperties> {
    WeeklyConfiguration(WeeklyProperties properties) {
        super("weekly", properties);
    }

    @Override
    void options(WeeklyProperties p, Options o) {
        o.put("protocol", "protocol", p.getProtocol()).put("proxyInMessage", "proxy-in-message", p.getProxyInMessage())
                .put("calendarYearKeys", "calendar-year-keys", p.getCalendarYearKeys()).put("zone", "zone", p.getZone())
                .put("host", "host", p.getHost()).put("staticServer", "static-server", p.getStaticServer())
                .put("passThroughNonHttp", "pass-through-non-http", p.getPassThroughNonHttp())
                .put("graceWeeks", "grace-weeks", p.getGraceWeeks()).put("allowedSizes", "allowed-sizes", p.getAllowedSizes());
    }

    @Bean
    @ConditionalOnMissingBean
    WeeklyLinkSigner weeklyLinkSigner() {
        return signer(WeeklyLinkSigner.class);
    }

    @Bean
    @ConditionalOnMissingBean
    WeeklyLinkVerifier weeklyLinkVerifier() {
        return verifier(WeeklyLinkVerifier.class);
    }
}
