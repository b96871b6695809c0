package dev.imgsign.thumbor;

import java.util.Objects;

/**
 * What a thumbor URL asks for, as the server reads it.
 *
 * @param options the image operations
 * @param imageUrl the image part of the path percent-decoded once, as thumbor's router decodes it
 *     (thumbor itself then stores {@code urllib.parse.quote(imageUrl)} and its HTTP loader fetches a
 *     normalised form of that)
 * @param unsafe whether the URL was an unsigned {@code /unsafe/} URL (accepted only where the verifier
 *     allows unsafe URLs)
 */
public record ThumborRequest(ThumborOptions options, String imageUrl, boolean unsafe) {
    /** Checks for nulls. */
    public ThumborRequest {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(imageUrl, "imageUrl");
    }

    /** A signed (not unsafe) request. */
    public static ThumborRequest of(ThumborOptions options, String imageUrl) {
        return new ThumborRequest(options, imageUrl, false);
    }
}
