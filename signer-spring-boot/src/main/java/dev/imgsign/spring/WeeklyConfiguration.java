package dev.imgsign.spring;

import dev.imgsign.expiring.weekly.WeeklyLinkSigner;
import dev.imgsign.expiring.weekly.WeeklyLinkVerifier;
import dev.imgsign.expiring.weekly.WeeklyProtocol;
import dev.imgsign.servlet.SignedUrlFilter;
import dev.imgsign.spring.properties.WeeklyProperties;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** {@code imgsign.weekly.*}: a {@link WeeklyLinkSigner}, a {@link WeeklyLinkVerifier} and, if enabled, the filter. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "dev.imgsign.expiring.weekly.WeeklyLinkSigner")
@Conditional(WeeklyConfiguration.KeyGiven.class)
class WeeklyConfiguration {
    private static final String P = "imgsign.weekly";
    private final WeeklyProperties properties;
    private final SchemeKeys keys;

    WeeklyConfiguration(WeeklyProperties properties) {
        this.properties = properties;
        this.keys = new SchemeKeys(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    WeeklyLinkSigner weeklyLinkSigner() {
        WeeklyLinkSigner.Builder b = WeeklyLinkSigner.builder(keys.get());
        Settings.apply(P + ".protocol", properties.getProtocol(), v -> b.protocol(WeeklyProtocol.ofOption(v)));
        Settings.apply(P + ".proxy-in-message", properties.getProxyInMessage(), b::proxyInMessage);
        Settings.apply(P + ".calendar-year-keys", properties.getCalendarYearKeys(), b::calendarYearKeys);
        Settings.apply(P + ".zone", properties.getZone(), v -> b.zone(zone(v)));
        Settings.apply(P + ".host", properties.getHost(), b::host);
        Settings.apply(P + ".static-server", properties.getStaticServer(), b::staticServer);
        Settings.apply(P + ".pass-through-non-http", properties.getPassThroughNonHttp(), b::passThroughNonHttp);
        return Settings.build(P, b::build);
    }

    @Bean
    @ConditionalOnMissingBean
    WeeklyLinkVerifier weeklyLinkVerifier() {
        WeeklyLinkVerifier.Builder b = WeeklyLinkVerifier.builder(keys.get());
        Settings.apply(P + ".host", properties.getHost(), b::host);
        Settings.apply(P + ".protocol", properties.getProtocol(), v -> b.protocol(WeeklyProtocol.ofOption(v)));
        Settings.apply(P + ".proxy-in-message", properties.getProxyInMessage(), b::proxyInMessage);
        Settings.apply(P + ".calendar-year-keys", properties.getCalendarYearKeys(), b::calendarYearKeys);
        Settings.apply(P + ".zone", properties.getZone(), v -> b.zone(zone(v)));
        Settings.apply(P + ".grace-weeks", properties.getGraceWeeks(), b::graceWeeks);
        Settings.apply(P + ".allowed-sizes", properties.getAllowedSizes().isEmpty() ? null : properties.getAllowedSizes(),
                b::allowedSizes);
        Settings.apply(P + ".max-length", properties.getMaxLength(), b::maxLength);
        return Settings.build(P, b::build);
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a time zone");
        }
    }

    static final class KeyGiven extends SchemeKeyCondition {
        KeyGiven() {
            super("weekly");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "dev.imgsign.servlet.SignedUrlFilter")
    @ConditionalOnProperty(prefix = P + ".filter", name = "enabled", havingValue = "true")
    static class Filter {
        @Bean
        @ConditionalOnMissingBean(name = "imgsignWeeklyFilter")
        FilterRegistrationBean<SignedUrlFilter> imgsignWeeklyFilter(WeeklyProperties properties,
                WeeklyLinkVerifier verifier, ObjectProvider<VerificationObserver> observers) {
            return FilterRegistrations.of(properties, verifier, observers);
        }
    }
}
