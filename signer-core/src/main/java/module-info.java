/**
 * Keys, typed verification results and the signer/verifier interfaces every imgsign scheme implements
 * ({@code dev.imgsign.core}); the engine and service interface scheme modules are built on
 * ({@code dev.imgsign.core.spi}).
 */
module dev.imgsign.core {
    exports dev.imgsign.core;
    exports dev.imgsign.core.spi;
    exports dev.imgsign.core.internal to dev.imgsign.camo, dev.imgsign.imageproxy, dev.imgsign.imgproxy,
            dev.imgsign.expiring, dev.imgsign.thumbor, dev.imgsign.html, dev.imgsign.servlet;

    uses dev.imgsign.core.spi.SchemeProvider;
}
