/**
 * Rewrites image URLs in HTML to signed image-proxy URLs with any imgsign signer
 * ({@link dev.imgsign.html.HtmlImageRewriter}).
 */
module dev.imgsign.html {
    requires transitive dev.imgsign.core;
    // HtmlImageRewriter.rewrite(Element) takes a jsoup element.
    requires transitive org.jsoup;

    exports dev.imgsign.html;
}
