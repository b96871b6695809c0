/**
 * A Jakarta Servlet filter that verifies signed image URLs with any imgsign verifier
 * ({@link dev.imgsign.servlet.SignedUrlFilter}).
 */
module dev.imgsign.servlet {
    requires transitive dev.imgsign.core;
    // The filter's API is the Servlet API's (Filter, FilterConfig); the container supplies the module.
    requires transitive jakarta.servlet;

    exports dev.imgsign.servlet;

    // Configured by init parameters, the filter finds the scheme by name among the installed providers.
    uses dev.imgsign.core.spi.SchemeProvider;
}
