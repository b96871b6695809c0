/**
 * Spring Boot auto-configuration for imgsign. Spring Boot applications usually run on the class path, where
 * this descriptor is ignored; on the module path the application brings Spring (its automatic modules) and
 * the optional integrations (servlet filter, Thymeleaf, Micrometer, the scheme modules) it uses.
 */
module dev.imgsign.spring {
    requires transitive dev.imgsign.core;
    requires spring.beans;
    requires spring.boot;
    requires spring.boot.autoconfigure;
    requires spring.context;
    requires spring.core;
    requires spring.jcl;

    requires static dev.imgsign.camo;
    requires static dev.imgsign.expiring;
    requires static dev.imgsign.html;
    requires static dev.imgsign.imageproxy;
    requires static dev.imgsign.imgproxy;
    requires static dev.imgsign.servlet;
    requires static dev.imgsign.thumbor;
    requires static jakarta.servlet;
    requires static micrometer.core;
    requires static thymeleaf;

    exports dev.imgsign.spring;
    exports dev.imgsign.spring.properties;

    // Spring instantiates the package-private configuration classes and conditions and reads their
    // annotations by reflection; the binder sets the properties.
    opens dev.imgsign.spring;
    opens dev.imgsign.spring.properties;

    uses dev.imgsign.core.spi.SchemeProvider;
}
