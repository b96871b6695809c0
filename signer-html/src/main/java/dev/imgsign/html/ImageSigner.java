package dev.imgsign.html;

import dev.imgsign.core.UrlSigner;
import java.util.Objects;

/**
 * The hook {@link HtmlImageRewriter} calls for each image URL it decided to proxy: given the absolute
 * URL and what the HTML says about the image, return the signed proxy URL.
 *
 * <p>Implementations must be thread-safe when the rewriter is shared. Throw
 * {@link IllegalArgumentException} for a URL that cannot be signed; the rewriter then applies its
 * {@link FailureAction} to that URL only. Any other exception is a bug in the hook and propagates.
 *
 * <pre>{@code
 * ImageSigner camo = ImageSigner.of(camoSigner);
 * ImageSigner sized = image -> imageproxySigner.sign(image.url(),
 *         ImageproxyOptions.builder().size(image.width().orElse(0), image.height().orElse(0)).build());
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ImageSigner {
    /**
     * The signed URL for {@code image.url()}.
     *
     * @param image the image whose URL to sign, with its element's context
     * @return the URL the page should load instead
     * @throws IllegalArgumentException if this URL cannot be signed
     */
    String sign(ImageRef image);

    /**
     * A hook that signs {@link ImageRef#url()} with {@code signer} (for example a Camo signer) and ignores the rest.
     *
     * @param signer a signer of absolute URLs
     * @return a hook passing only the URL to {@code signer}
     */
    static ImageSigner of(UrlSigner<String> signer) {
        Objects.requireNonNull(signer, "signer");
        return image -> signer.sign(image.url());
    }
}
