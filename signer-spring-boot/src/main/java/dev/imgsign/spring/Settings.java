package dev.imgsign.spring;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/** Applies properties to a scheme's builder so that a refused value fails startup naming its property. */
final class Settings {
    private Settings() {
    }

    /** Calls {@code setter} with {@code value} unless it is null (the property is unset). */
    static <T> void apply(String property, T value, Consumer<T> setter) {
        if (value == null) {
            return;
        }
        try {
            setter.accept(value);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InvalidConfigurationPropertyValueException(property, value, e.getMessage());
        }
    }

    /** Builds, turning a builder's refusal of the combination into a failure naming the prefix. */
    static <T> T build(String prefix, Supplier<T> builder) {
        try {
            return builder.get();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalStateException(prefix + ".*: " + e.getMessage(), e);
        }
    }
}
