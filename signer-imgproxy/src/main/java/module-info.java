/**
 * imgproxy signed processing URLs: {@code dev.imgsign.imgproxy}. Decodes signatures with the Go base64
 * emulation of {@code dev.imgsign.peer}.
 */
module dev.imgsign.imgproxy {
    requires transitive dev.imgsign.core;
    requires dev.imgsign.peer;

    exports dev.imgsign.imgproxy;

    provides dev.imgsign.core.spi.SchemeProvider with dev.imgsign.imgproxy.ImgproxySchemeProvider;
}
