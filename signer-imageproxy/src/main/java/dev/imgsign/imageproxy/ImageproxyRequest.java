package dev.imgsign.imageproxy;

import java.util.Objects;

/**
 * What an imageproxy URL asks for: a remote image URL and the transformation options.
 *
 * @param remoteUrl the absolute http(s) URL of the image; when returned by {@link ImageproxyVerifier} it is
 *     the URL as the server rebuilds it (Go {@code net/url} form, without fragment)
 * @param options the options; when returned by the verifier they include the signature as given
 * @since 0.1.0
 */
public record ImageproxyRequest(String remoteUrl, ImageproxyOptions options) {
    /**
     * Both parts are required.
     *
     * @param remoteUrl the image's URL, not null
     * @param options the options, not null
     */
    public ImageproxyRequest {
        Objects.requireNonNull(remoteUrl, "remoteUrl");
        Objects.requireNonNull(options, "options");
    }

    /**
     * A request for {@code remoteUrl} without options.
     *
     * @param remoteUrl the absolute http(s) URL of the image
     * @return a request with {@link ImageproxyOptions#NONE}
     */
    public static ImageproxyRequest of(String remoteUrl) {
        return new ImageproxyRequest(remoteUrl, ImageproxyOptions.NONE);
    }
}
