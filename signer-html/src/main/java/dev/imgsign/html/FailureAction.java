package dev.imgsign.html;

/**
 * What {@link HtmlImageRewriter} does with an image URL it should proxy but cannot: the signer threw
 * {@link IllegalArgumentException} or returned a URL the attribute cannot hold, or the
 * {@linkplain HtmlImageRewriter.Builder#maxUrls(int) URL budget} is spent. The default is {@link #DROP}.
 *
 * @since 0.1.0
 */
public enum FailureAction {
    /**
     * Opt-in, fails open: leave the URL as it was written, so the browser fetches it directly from its
     * origin (revealing the reader's address to that host, mixed content on an https page). Only for
     * sites that prefer a direct fetch to a missing image, for example to rewrite again later.
     */
    KEEP,
    /**
     * The default, fails closed: remove the URL, that is the attribute holding it ({@code src},
     * {@code poster}, {@code href}, {@code background}, {@code data}, a presentation attribute), the
     * one {@code srcset} candidate (the attribute when none is left), or the whole {@code style}
     * attribute.
     */
    DROP
}
