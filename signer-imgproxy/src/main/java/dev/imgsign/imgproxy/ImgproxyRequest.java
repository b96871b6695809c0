package dev.imgsign.imgproxy;

import java.util.Objects;

/**
 * What an imgproxy URL asks for: processing options, the source image URL and an optional output
 * extension. The input of {@link ImgproxySigner} and the result of {@link ImgproxyVerifier}.
 *
 * @param options the processing options, in URL order
 * @param sourceUrl the source image URL as the server fetches it (decoded from base64 or from the
 *     percent-escaped plain form), for example {@code https://example.com/image.jpg} or
 *     {@code s3://bucket/key}
 * @param extension the output format written after the source ({@code .png} / {@code @png}) without its
 *     separator, or the empty string
 */
public record ImgproxyRequest(ImgproxyOptions options, String sourceUrl, String extension) {
    /** Checks for {@code null} only; the signer validates the rest. */
    public ImgproxyRequest {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(sourceUrl, "sourceUrl");
        Objects.requireNonNull(extension, "extension");
    }

    /** The source URL with the server's default processing and no extension. */
    public static ImgproxyRequest of(String sourceUrl) {
        return new ImgproxyRequest(ImgproxyOptions.none(), sourceUrl, "");
    }

    /** The source URL with these options and no extension. */
    public static ImgproxyRequest of(ImgproxyOptions options, String sourceUrl) {
        return new ImgproxyRequest(options, sourceUrl, "");
    }

    /** This request with output extension {@code extension} ({@code ""} for none). */
    public ImgproxyRequest withExtension(String extension) {
        return new ImgproxyRequest(options, sourceUrl, extension);
    }
}
