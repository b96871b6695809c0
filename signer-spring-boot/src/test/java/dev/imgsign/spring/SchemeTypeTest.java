package dev.imgsign.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgsign.core.UrlSigner;
import dev.imgsign.core.UrlVerifier;
import org.junit.jupiter.api.Test;

/** The class names {@link SchemeType} holds (for the startup check and the filters) name real classes. */
class SchemeTypeTest {
    @Test
    void everySchemeNamesItsSignerAndVerifier() throws Exception {
        for (SchemeType type : SchemeType.values()) {
            assertThat(UrlSigner.class.isAssignableFrom(Class.forName(type.signerClass))).as(type.signerClass).isTrue();
            assertThat(UrlVerifier.class.isAssignableFrom(Class.forName(type.verifierClass))).as(type.verifierClass)
                    .isTrue();
            assertThat(type.properties.getDeclaredConstructor().newInstance().scheme()).isEqualTo(type.schemeName());
            assertThat(SchemeType.named(type.schemeName())).isSameAs(type);
        }
        assertThat(SchemeType.CAMO.filterBeanName()).isEqualTo("imgsignCamoFilter");
    }
}
