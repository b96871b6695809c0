/**
 * willnorris/imageproxy: options grammar, canonical form, signer and verifier ({@code dev.imgsign.imageproxy}),
 * and the {@code imageproxy} scheme for {@link dev.imgsign.core.Schemes}.
 */
module dev.imgsign.imageproxy {
    requires transitive dev.imgsign.core;
    requires dev.imgsign.peer;

    exports dev.imgsign.imageproxy;

    provides dev.imgsign.core.spi.SchemeProvider with dev.imgsign.imageproxy.ImageproxySchemeProvider;
}
