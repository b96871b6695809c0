package dev.imgsign.spring;

import java.util.function.Consumer;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/** Applies a property to a builder (the HTML rewriter's) so that a refused value fails startup naming the property. */
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
}
