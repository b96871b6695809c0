package dev.imgsign.spring;

import dev.imgsign.core.Verification;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Counts the filters' verifications in {@value #METER_NAME}, tagged {@code scheme} and {@code result}
 * ({@code accepted} or the rejection kind, such as {@code bad_signature}). Tags never hold a key or a URL.
 */
final class MicrometerVerificationObserver implements VerificationObserver {
    static final String METER_NAME = "imgsign.verifications";

    private final ObjectProvider<MeterRegistry> registries;
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

    MicrometerVerificationObserver(ObjectProvider<MeterRegistry> registries) {
        this.registries = registries;
    }

    @Override
    public void observe(String scheme, Verification<?> verification) {
        String result = verification instanceof Verification.Rejected<?> rejected
                ? rejected.reason().name().toLowerCase(Locale.ROOT)
                : "accepted";
        Counter counter = counters.get(scheme + ' ' + result);
        if (counter == null) {
            MeterRegistry registry = registries.getIfUnique();
            if (registry == null) {
                return;
            }
            counter = counters.computeIfAbsent(scheme + ' ' + result, k -> Counter.builder(METER_NAME)
                    .description("Signed image URLs verified by imgsign's filters")
                    .tag("scheme", scheme)
                    .tag("result", result)
                    .register(registry));
        }
        counter.increment();
    }
}
