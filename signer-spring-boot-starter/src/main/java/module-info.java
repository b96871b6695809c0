/**
 * The starter: no code of its own, it brings the auto-configuration, every scheme and the servlet filter,
 * so that a module-path application needs this one module as a class-path application needs this one
 * dependency.
 */
module dev.imgsign.spring.starter {
    requires transitive dev.imgsign.spring;
    requires transitive dev.imgsign.camo;
    requires transitive dev.imgsign.expiring;
    requires transitive dev.imgsign.imageproxy;
    requires transitive dev.imgsign.imgproxy;
    requires transitive dev.imgsign.servlet;
    requires transitive dev.imgsign.thumbor;
}
