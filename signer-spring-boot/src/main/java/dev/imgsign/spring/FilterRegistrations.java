package dev.imgsign.spring;

import dev.imgsign.core.UrlVerifier;
import dev.imgsign.core.Verification;
import dev.imgsign.servlet.SignedUrlFilter;
import dev.imgsign.spring.properties.SchemeProperties;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/** Maps signer-servlet's {@link SignedUrlFilter} to one scheme's {@code filter.path}, and nowhere else. */
final class FilterRegistrations {
    private FilterRegistrations() {
    }

    static FilterRegistrationBean<SignedUrlFilter> of(SchemeProperties properties, UrlVerifier<?> verifier,
            ObjectProvider<VerificationObserver> observers) {
        String scheme = properties.scheme();
        String prefix = "imgsign." + scheme + ".filter";
        String path = properties.getFilter().getPath();
        if (path == null || path.isBlank()) {
            throw new InvalidConfigurationPropertyValueException(prefix + ".path", path,
                    "required when " + prefix + ".enabled is true: the URL pattern to verify, such as /" + scheme + "/*");
        }
        path = path.strip();
        if (!path.startsWith("/") || !path.endsWith("/*") || path.indexOf('*') != path.length() - 1) {
            throw new InvalidConfigurationPropertyValueException(prefix + ".path", path,
                    "must be a path prefix pattern such as /" + scheme + "/*");
        }
        String strip = properties.stripPrefix() ? path.substring(0, path.length() - 2) : "";
        VerificationObserver observer = observers.getIfAvailable();
        UrlVerifier<?> used = observer == null ? verifier : observed(scheme, verifier, observer);
        FilterRegistrationBean<SignedUrlFilter> registration =
                new FilterRegistrationBean<>(new SignedUrlFilter(used, strip));
        registration.setName("imgsign" + scheme.substring(0, 1).toUpperCase(Locale.ROOT) + scheme.substring(1)
                + "Filter");
        registration.addUrlPatterns(path);
        registration.setOrder(properties.getFilter().getOrder());
        return registration;
    }

    private static <R> UrlVerifier<R> observed(String scheme, UrlVerifier<R> verifier, VerificationObserver observer) {
        return target -> {
            Verification<R> verification = verifier.verify(target);
            try {
                observer.observe(scheme, verification);
            } catch (RuntimeException e) {
                // Metrics must never turn a verification into an error.
            }
            return verification;
        };
    }
}
