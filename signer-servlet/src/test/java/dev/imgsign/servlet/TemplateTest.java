package dev.imgsign.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imgsign.camo.CamoSigner;
import dev.imgsign.core.KeySet;
import dev.imgsign.vectors.TestVectors;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** A signer called from a real template engine, as a page template would. */
class TemplateTest {

    public record Post(String imageUrl) {
    }

    @Test
    void thymeleafTemplateCallsTheCamoSigner() {
        TestVectors.Vector v = TestVectors.load("camo").tests("CamoSign").get(0);
        CamoSigner camo = CamoSigner.builder(KeySet.ofUtf8(v.get("key"))).prefix(v.get("prefix")).build();

        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);

        Context context = new Context();
        context.setVariables(Map.of("camo", camo, "post", new Post(v.get("url"))));
        String html = engine.process("<img th:src=\"${camo.sign(post.imageUrl)}\" alt=\"gopher\">", context);

        assertEquals("<img src=\"" + v.get("signedUrl") + "\" alt=\"gopher\">", html);
    }
}
