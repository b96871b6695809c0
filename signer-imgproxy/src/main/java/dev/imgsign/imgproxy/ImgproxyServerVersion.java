package dev.imgsign.imgproxy;

/**
 * Which imgproxy server a verifier decides as. The versions differ only in how the request path is split
 * before the signature check; signing is the same for both, and every URL an {@link ImgproxySigner}
 * emits verifies on both.
 */
public enum ImgproxyServerVersion {
    /**
     * imgproxy 3.x (checked against v3.31.4): one leading {@code /} is removed, the signature must be
     * non-empty and the signed path keeps its leading {@code /}, so {@code //SIG/...} is answered 404 and
     * {@code /SIG//...} signs the doubled slash.
     */
    V3,
    /**
     * imgproxy 4.x (checked against v4 at eef3b31): the route's {@code /} and one more leading {@code /}
     * are removed and the MAC re-adds a {@code /} when the path lacks one, so {@code //SIG/...} and
     * {@code /SIG//...} verify with the signature of {@code /SIG/...}.
     */
    V4
}
