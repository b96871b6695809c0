package dev.imgsign.html;

/**
 * What {@link HtmlImageRewriter} does with an image URL it should proxy but cannot: the signer threw
 * {@link IllegalArgumentException} or returned a URL the attribute cannot hold, or the
 * {@linkplain HtmlImageRewriter.Builder#maxUrls(int) URL budget} is spent.
 */
public enum FailureAction {
    /** Leave the URL as it was written (the browser will fetch it directly). */
    KEEP,
    /**
     * Remove the URL: the {@code src}/{@code poster}/{@code href}/{@code background} attribute, the
     * one {@code srcset} candidate (the attribute when none is left), or the whole {@code style}
     * attribute.
     */
    DROP
}
