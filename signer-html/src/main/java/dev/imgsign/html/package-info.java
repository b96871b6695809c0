/**
 * Rewrites image URLs in HTML (user-generated content) to signed image-proxy URLs, with any signer.
 *
 * <p>Start with {@link dev.imgsign.html.HtmlImageRewriter#builder(ImageSigner)}.
 */
package dev.imgsign.html;
