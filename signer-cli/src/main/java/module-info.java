/**
 * The {@code imgsign} command line tool. Builds every signer and verifier through the scheme providers
 * it finds ({@code uses dev.imgsign.core.spi.SchemeProvider}); exports nothing. The runnable form is the
 * shaded {@code imgsign.jar} (on the class path; its module descriptors are left out).
 */
module dev.imgsign.cli {
    requires dev.imgsign.core;
    requires dev.imgsign.camo;
    requires dev.imgsign.expiring;
    requires dev.imgsign.imageproxy;
    requires dev.imgsign.imgproxy;
    requires dev.imgsign.thumbor;
    requires info.picocli;

    // picocli reads and sets the commands' annotated fields by reflection.
    opens dev.imgsign.cli to info.picocli;

    uses dev.imgsign.core.spi.SchemeProvider;
}
