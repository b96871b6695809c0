package dev.imgsign.spring;

import java.util.Objects;
import java.util.Set;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * A Thymeleaf dialect with one expression object, {@code #imgsign} ({@link SignedUrls}), so templates sign
 * without controller glue: {@code <img th:src="${#imgsign.camo(post.imageUrl)}">}. Expression objects are
 * allowed where Thymeleaf 3.1 forbids {@code @bean} references and static calls. Spring Boot's Thymeleaf
 * auto-configuration adds every dialect bean to its template engine.
 */
public class ImgsignDialect extends AbstractDialect implements IExpressionObjectDialect {
    /** The expression object's name: {@code #imgsign}. */
    public static final String EXPRESSION_OBJECT_NAME = "imgsign";

    private final IExpressionObjectFactory factory;

    /**
     * A dialect exposing {@code urls} as {@code #imgsign}.
     *
     * @param urls the object templates call
     */
    public ImgsignDialect(SignedUrls urls) {
        super("imgsign");
        Objects.requireNonNull(urls, "urls");
        this.factory = new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(EXPRESSION_OBJECT_NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return EXPRESSION_OBJECT_NAME.equals(expressionObjectName) ? urls : null;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return factory;
    }
}
