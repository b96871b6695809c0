package dev.imgsign.spring;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when {@code imgsign.<scheme>.key-env}, {@code .key-file} or {@code .key} is set and not blank. */
abstract class SchemeKeyCondition extends SpringBootCondition {
    private final String scheme;

    SchemeKeyCondition(String scheme) {
        this.scheme = scheme;
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return outcome(context.getEnvironment(), scheme);
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
