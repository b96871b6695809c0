package dev.imgsign.spring;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Behind {@link ConditionalOnSchemeKey}: a scheme is on when one of its key properties is set. */
final class SchemeKeyCondition extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnSchemeKey.class.getName());
        return outcome(context.getEnvironment(), (String) attributes.get("value"));
    }

    static ConditionOutcome outcome(Environment environment, String scheme) {
        String prefix = "imgsign." + scheme;
        for (String suffix : new String[] {".key-env", ".key-file", ".key"}) {
            // Blank counts as unset, so that key-env=${CAMO_KEY_ENV:} can leave a scheme off.
            if (StringUtils.hasText(environment.getProperty(prefix + suffix))) {
                return ConditionOutcome.match(prefix + suffix + " is set");
            }
        }
        return ConditionOutcome.noMatch("none of " + prefix + ".key-env, .key-file, .key is set");
    }
}
