package dev.imgsign.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/** Matches when {@code imgsign.<value>.key-env}, {@code .key-file} or {@code .key} is set and not blank. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(SchemeKeyCondition.class)
@interface ConditionalOnSchemeKey {
    /** {@return the scheme's name, as in {@code imgsign.<name>.*}} */
    String value();
}
