package dev.imgsign.spring;

import dev.imgsign.core.UrlVerifier;
import dev.imgsign.servlet.SignedUrlFilter;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/**
 * Registers, for every scheme with {@code imgsign.<scheme>.filter.enabled=true} and a key, a
 * {@code FilterRegistrationBean<SignedUrlFilter>} named {@code imgsign<Scheme>Filter} around the scheme's
 * verifier bean (see {@link FilterRegistrations}), unless the application defines a bean of that name.
 * One registrar for all schemes instead of a filter configuration per scheme.
 */
final class SchemeFilters implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware,
        BeanClassLoaderAware {
    private Environment environment;
    private BeanFactory beans;
    private ClassLoader classLoader = SchemeFilters.class.getClassLoader();

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beans = beanFactory;
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        for (SchemeType scheme : SchemeType.values()) {
            String name = scheme.filterBeanName();
            // A scheme without key or module gets no filter: ConfigurationCheck then fails startup saying why.
            if (!"true".equalsIgnoreCase(environment.getProperty("imgsign." + scheme.schemeName() + ".filter.enabled"))
                    || registry.containsBeanDefinition(name)
                    || !SchemeKeyCondition.outcome(environment, scheme.schemeName()).isMatch()
                    || !ClassUtils.isPresent(scheme.verifierClass, classLoader)) {
                continue;
            }
            Class<?> verifierType = ClassUtils.resolveClassName(scheme.verifierClass, classLoader);
            RootBeanDefinition definition = new RootBeanDefinition(FilterRegistrationBean.class);
            definition.setTargetType(ResolvableType.forClassWithGenerics(FilterRegistrationBean.class,
                    SignedUrlFilter.class));
            definition.setInstanceSupplier(() -> FilterRegistrations.of(beans.getBean(scheme.properties),
                    (UrlVerifier<?>) beans.getBean(verifierType), beans.getBeanProvider(VerificationObserver.class)));
            registry.registerBeanDefinition(name, definition);
        }
    }
}
