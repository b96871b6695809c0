/**
 * willnorris/imageproxy: options grammar, canonical form, signatures.
 *
 * <p>{@link dev.imgsign.imageproxy.ImageproxyOptions} reads and prints options as the Go server does;
 * {@link dev.imgsign.imageproxy.ImageproxySigner} produces proxy URLs whose HMAC-SHA256 covers the remote
 * URL exactly as the server rebuilds it (Go {@code net/url} rules) and, by default, the canonical options;
 * {@link dev.imgsign.imageproxy.ImageproxyVerifier} decides on request targets as the server does, in the
 * server's order of checks. The module README lists every server rule implemented.
 */
package dev.imgsign.imageproxy;
