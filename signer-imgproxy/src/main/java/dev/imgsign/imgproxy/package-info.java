/**
 * imgproxy (github.com/imgproxy/imgproxy): signed processing URLs.
 *
 * <p>{@link dev.imgsign.imgproxy.ImgproxySigner} builds {@code /signature/options/source} URLs from
 * {@link dev.imgsign.imgproxy.ImgproxyOptions} (a typed builder plus raw segments) and emits only URLs the
 * v3 and v4 servers read back unchanged; {@link dev.imgsign.imgproxy.ImgproxyVerifier} decides on request
 * targets as the configured {@link dev.imgsign.imgproxy.ImgproxyServerVersion} does. Both builders take the
 * keys ({@code IMGPROXY_KEY}) as their argument and the salts ({@code IMGPROXY_SALT}, one per key) through
 * {@code salts(KeySet)}. The module README lists every server rule and every deliberate
 * deviation.
 */
package dev.imgsign.imgproxy;
