/** thumbor signed ("safe") URLs: {@code dev.imgsign.thumbor}. */
module dev.imgsign.thumbor {
    requires transitive dev.imgsign.core;

    exports dev.imgsign.thumbor;

    provides dev.imgsign.core.spi.SchemeProvider with dev.imgsign.thumbor.ThumborSchemeProvider;
}
