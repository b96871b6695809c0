package dev.imgsign.spring;

import dev.imgsign.spring.properties.AureliaProperties;
import dev.imgsign.spring.properties.CamoProperties;
import dev.imgsign.spring.properties.ExpiringProperties;
import dev.imgsign.spring.properties.ImageproxyProperties;
import dev.imgsign.spring.properties.ImgproxyProperties;
import dev.imgsign.spring.properties.SchemeProperties;
import dev.imgsign.spring.properties.ThumborProperties;
import dev.imgsign.spring.properties.WeeklyProperties;
import java.util.Locale;

/**
 * The schemes the starter configures: their properties and, by name (a scheme's module may be missing),
 * the types of their signer and verifier beans.
 */
enum SchemeType {
    CAMO(CamoProperties.class, "dev.imgsign.camo.CamoSigner", "dev.imgsign.camo.CamoVerifier"),
    IMAGEPROXY(ImageproxyProperties.class, "dev.imgsign.imageproxy.ImageproxySigner",
            "dev.imgsign.imageproxy.ImageproxyVerifier"),
    WEEKLY(WeeklyProperties.class, "dev.imgsign.expiring.weekly.WeeklyLinkSigner", "dev.imgsign.expiring.weekly.WeeklyLinkVerifier"),
    EXPIRING(ExpiringProperties.class, "dev.imgsign.expiring.link.ExpiringLinkSigner",
            "dev.imgsign.expiring.link.ExpiringLinkVerifier"),
    AURELIA(AureliaProperties.class, "dev.imgsign.expiring.aurelia.AureliaLinkSigner", "dev.imgsign.expiring.aurelia.AureliaLinkVerifier"),
    IMGPROXY(ImgproxyProperties.class, "dev.imgsign.imgproxy.ImgproxySigner", "dev.imgsign.imgproxy.ImgproxyVerifier"),
    THUMBOR(ThumborProperties.class, "dev.imgsign.thumbor.ThumborSigner", "dev.imgsign.thumbor.ThumborVerifier");

    final Class<? extends SchemeProperties> properties;
    final String signerClass;
    final String verifierClass;

    SchemeType(Class<? extends SchemeProperties> properties, String signerClass, String verifierClass) {
        this.properties = properties;
        this.signerClass = signerClass;
        this.verifierClass = verifierClass;
    }

    /** {@return the name in {@code imgsign.<name>.*}} */
    String schemeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@return the name of the scheme's filter registration bean, such as {@code imgsignCamoFilter}} */
    String filterBeanName() {
        String name = schemeName();
        return "imgsign" + Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Filter";
    }

    /** {@return the scheme called {@code name}, or null} */
    static SchemeType named(String name) {
        for (SchemeType type : values()) {
            if (type.schemeName().equals(name)) {
                return type;
            }
        }
        return null;
    }
}
