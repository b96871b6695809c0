/**
 * An application on the module path that reads every imgsign scheme module, the HTML rewriter and the servlet
 * filter. It names only exported packages; the scheme providers reach it through {@code provides}/{@code uses}.
 */
module com.example.modules {
    requires dev.imgsign.camo;
    requires dev.imgsign.imageproxy;
    requires dev.imgsign.expiring;
    requires dev.imgsign.imgproxy;
    requires dev.imgsign.thumbor;
    requires dev.imgsign.html;
    requires dev.imgsign.servlet;

    uses dev.imgsign.core.spi.SchemeProvider;
}
