package dev.imgsign.core;

/**
 * Produces signed URLs for one scheme. Implementations are immutable and thread-safe: build one at
 * start-up and call it from any thread, including from templates.
 *
 * @param <R> what the scheme signs: a URL string for Camo, a URL plus options for imageproxy, ...
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface UrlSigner<R> {
    /**
     * The signed URL for {@code request}.
     *
     * @param request what to sign
     * @return the signed URL
     * @throws IllegalArgumentException if the request cannot be signed (null, empty, not http(s), ...);
     *     the message names the problem and never contains key material
     */
    String sign(R request);
}
