/**
 * Expiring links: imageproxy-py/Gazelle weekly bucket links ({@code dev.imgsign.expiring.weekly}),
 * generic expiring links ({@code dev.imgsign.expiring.link}) and seed 001's aurelia links
 * ({@code dev.imgsign.expiring.aurelia}). The shared helpers in {@code dev.imgsign.expiring.internal}
 * are not exported.
 */
module dev.imgsign.expiring {
    requires transitive dev.imgsign.core;

    exports dev.imgsign.expiring.weekly;
    exports dev.imgsign.expiring.link;
    exports dev.imgsign.expiring.aurelia;

    provides dev.imgsign.core.spi.SchemeProvider with dev.imgsign.expiring.weekly.WeeklySchemeProvider,
            dev.imgsign.expiring.link.ExpiringSchemeProvider;
}
