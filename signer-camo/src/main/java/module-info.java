/**
 * Camo URLs (go-camo and atmos/camo): signers and verifiers for the hex, base64 and query forms.
 * The Go and Node emulations it relies on stay in {@code dev.imgsign.peer}, which only imgsign modules read.
 */
module dev.imgsign.camo {
    requires transitive dev.imgsign.core;
    requires dev.imgsign.peer;

    exports dev.imgsign.camo;

    provides dev.imgsign.core.spi.SchemeProvider with dev.imgsign.camo.CamoSchemeProvider;
}
