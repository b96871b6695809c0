package dev.imgsign.spring;

import dev.imgsign.spring.properties.SchemeProperties;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Fails startup for a half-configured scheme, which would otherwise silently get no beans: properties
 * under {@code imgsign.<scheme>} without a key, or a key for a scheme whose module is missing.
 */
final class ConfigurationCheck implements InitializingBean, BeanClassLoaderAware {
    private final Environment environment;
    private final List<SchemeProperties> schemes;
    private ClassLoader classLoader = ConfigurationCheck.class.getClassLoader();

    ConfigurationCheck(Environment environment, List<SchemeProperties> schemes) {
        this.environment = environment;
        this.schemes = schemes;
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public void afterPropertiesSet() {
        ClassLoader loader = classLoader;
        for (SchemeProperties scheme : schemes) {
            String prefix = "imgsign." + scheme.scheme();
            Optional<ConfigurationProperty> some = firstPropertyUnder(prefix);
            if (some.isEmpty()) {
                continue;
            }
            if (!SchemeKeyCondition.outcome(environment, scheme.scheme()).isMatch()) {
                ConfigurationProperty property = some.get();
                String name = property.getName().toString();
                Object value = name.contains("key") ? SchemeKeys.HIDDEN : property.getValue();
                throw new InvalidConfigurationPropertyValueException(name, value, prefix
                        + " has no key, so it would get no signer, verifier or filter: set " + prefix + ".key-env, "
                        + prefix + ".key-file or " + prefix + ".key");
            }
            SchemeType type = SchemeType.named(scheme.scheme());
            String moduleClass = type == null ? null : type.signerClass;
            if (moduleClass != null && !ClassUtils.isPresent(moduleClass, loader)) {
                throw new IllegalStateException(prefix + ".* is set but " + moduleClass + " is not on the class path;"
                        + " depend on dev.imgsign:signer-spring-boot-starter (or the scheme's module)");
            }
            if (scheme.getFilter().isEnabled()
                    && !ClassUtils.isPresent("dev.imgsign.servlet.SignedUrlFilter", loader)) {
                throw new IllegalStateException(prefix + ".filter.enabled is true but dev.imgsign:signer-servlet"
                        + " is not on the class path");
            }
        }
    }

    /** The first property under {@code prefix} with a value that is not blank. */
    private Optional<ConfigurationProperty> firstPropertyUnder(String prefix) {
        ConfigurationPropertyName parent = ConfigurationPropertyName.of(prefix);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                Optional<ConfigurationProperty> set = iterable.stream().filter(parent::isAncestorOf)
                        .map(source::getConfigurationProperty)
                        .filter(p -> p != null && !(p.getValue() instanceof CharSequence text && text.toString().isBlank()))
                        .findFirst();
                if (set.isPresent()) {
                    return set;
                }
            }
        }
        return Optional.empty();
    }
}
