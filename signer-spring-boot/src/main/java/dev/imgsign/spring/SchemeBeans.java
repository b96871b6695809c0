package dev.imgsign.spring;

import dev.imgsign.core.Schemes;
import dev.imgsign.core.spi.SchemeConfig;
import dev.imgsign.core.spi.SchemeProvider;
import dev.imgsign.spring.properties.SchemeProperties;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * What every scheme's configuration does: maps its {@code imgsign.<scheme>.*} properties to the option
 * names of the scheme's {@link SchemeProvider} (the names {@code web.xml} and the CLI use), and builds the
 * signer and verifier beans through that provider with the scheme's keys ({@link SchemeKeys}). A value
 * the provider refuses fails startup naming its property.
 *
 * @param <P> the scheme's properties
 */
abstract class SchemeBeans<P extends SchemeProperties> {
    private final String provider;
    private final P properties;
    private final SchemeKeys keys;

    SchemeBeans(String provider, P properties) {
        this.provider = provider;
        this.properties = properties;
        this.keys = new SchemeKeys(properties);
    }

    /** Puts the options the properties give into {@code options}; a scheme may refuse a combination here. */
    abstract void options(P properties, Options options);

    /** {@return the signer the provider builds, as the bean's type} */
    final <T> T signer(Class<T> type) {
        return type.cast(build(SchemeProvider::signer));
    }

    /** {@return the verifier the provider builds, as the bean's type} */
    final <T> T verifier(Class<T> type) {
        return type.cast(build(SchemeProvider::verifier));
    }

    private Object build(BiFunction<SchemeProvider, SchemeConfig, Object> make) {
        Options options = new Options("imgsign." + properties.scheme());
        options.put("maxLength", "max-length", properties.getMaxLength());
        options(properties, options);
        SchemeConfig config = SchemeConfig.builder().keys(keys.get()).options(options.values).build();
        try {
            return make.apply(Schemes.provider(provider), config);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw options.failure(e);
        }
    }

    /** The provider options of one scheme, each remembered with the property that gave it. */
    static final class Options {
        private final String prefix;
        private final Map<String, String> values = new LinkedHashMap<>();
        private final Map<String, String> properties = new LinkedHashMap<>();

        private Options(String prefix) {
            this.prefix = prefix;
        }

        /**
         * Sets option {@code name} from property {@code prefix.property} (null: an option no property
         * gives): nothing for null or an empty collection, a collection as a comma-separated list, a
         * duration in whole seconds.
         */
        Options put(String name, String property, Object value) {
            if (value == null || value instanceof Collection<?> items && items.isEmpty()) {
                return this;
            }
            String text = value instanceof Collection<?> items
                    ? String.join(",", items.stream().map(String::valueOf).toList())
                    : value instanceof Duration duration ? Long.toString(duration.toSeconds()) : value.toString();
            values.put(name, text);
            if (property != null) {
                properties.put(name, property);
            }
            return this;
        }

        /**
         * The startup failure for the provider's refusal: naming the property of the option its message
         * names, else the scheme's properties as a whole.
         */
        private RuntimeException failure(RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            for (Map.Entry<String, String> option : properties.entrySet()) {
                if (Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(option.getKey()) + "(?![A-Za-z0-9])")
                        .matcher(message).find()) {
                    String property = prefix + "." + option.getValue();
                    return new InvalidConfigurationPropertyValueException(property, values.get(option.getKey()),
                            message);
                }
            }
            return new IllegalStateException(prefix + ".*: " + message, e);
        }
    }
}
