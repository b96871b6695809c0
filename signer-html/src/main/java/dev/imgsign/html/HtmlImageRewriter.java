package dev.imgsign.html;

import dev.imgsign.core.internal.Ascii;
import dev.imgsign.core.internal.HostNames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Rewrites the image URLs of an HTML fragment or document to signed image-proxy URLs, as Camo filters
 * do for user-generated content: {@code <img src|srcset|lowsrc|dynsrc>}, {@code <source srcset>}
 * (descriptors kept), {@code <video poster>}, {@code <input src>}, {@code <embed src>},
 * {@code <object data>}, SVG {@code <image href>} and {@code <feImage href>}, MathML
 * {@code <mglyph src>}, the legacy {@code background} attribute of {@code body}/table parts, and every
 * CSS URL of {@code style} and of the SVG presentation attributes ({@code fill}, {@code mask}, ...).
 * An off-site {@code <base href>} and SVG animation values that could set a URL are removed.
 *
 * <p>A URL is left alone when a browser would not fetch it off-site over http(s) (relative,
 * {@code data:}, other schemes, no host), when it is https and {@link Builder#skipHttps(boolean)} is on,
 * when its host is {@linkplain Builder#allowHost(String) allowed}, or when it already points at the
 * {@linkplain Builder#proxyPrefix(String) proxy} (hosts compared in canonical WHATWG/UTS 46 form, never
 * by Unicode case folding). Every other URL is handed, as an absolute URL with context, to the
 * {@link ImageSigner}; one it refuses, or beyond {@link Builder#maxUrls(int)}, is removed unless
 * {@link FailureAction#KEEP} is chosen (fail closed by default). Rewriting the output again changes
 * nothing.
 *
 * <p>Parsing is jsoup's HTML5 parser: any input, however broken, gives well-formed HTML and no
 * exception. Work is bounded by {@link Builder#maxInputLength(int)} and {@link Builder#maxUrls(int)}.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * HtmlImageRewriter rewriter = HtmlImageRewriter.builder(ImageSigner.of(camoSigner))
 *         .proxyPrefix("https://img.example.org").allowHost("cdn.example.org").build();
 * String safe = rewriter.rewriteFragment(commentHtml);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class HtmlImageRewriter {
    /** Default {@link Builder#maxInputLength(int)}: 1 Mi characters (a pathological input of this size parses in about a second). */
    public static final int DEFAULT_MAX_INPUT_LENGTH = 1024 * 1024;
    /** Default {@link Builder#maxUrls(int)}. */
    public static final int DEFAULT_MAX_URLS = 10_000;

    private final ImageSigner signer;
    private final boolean skipHttps;
    private final String protocolRelativeScheme;
    private final String[] allowedHosts;
    private final String[] allowedSuffixes;
    private final Urls.Prefix[] proxyPrefixes;
    private final FailureAction failureAction;
    private final boolean rewriteStyles;
    private final int maxInputLength;
    private final int maxUrls;

    private HtmlImageRewriter(Builder builder) {
        this.signer = builder.signer;
        this.skipHttps = builder.skipHttps;
        this.protocolRelativeScheme = builder.protocolRelativeScheme;
        List<String> exact = new ArrayList<>();
        List<String> suffixes = new ArrayList<>();
        for (String host : builder.allowedHosts) {
            (host.startsWith(".") ? suffixes : exact).add(host);
        }
        this.allowedHosts = exact.toArray(new String[0]);
        this.allowedSuffixes = suffixes.toArray(new String[0]);
        this.proxyPrefixes = builder.proxyPrefixes.values().toArray(new Urls.Prefix[0]);
        this.failureAction = builder.failureAction;
        this.rewriteStyles = builder.rewriteStyles;
        this.maxInputLength = builder.maxInputLength;
        this.maxUrls = builder.maxUrls;
    }

    /**
     * A builder that signs with {@code signer}; use {@link ImageSigner#of} to adapt a {@code UrlSigner<String>}.
     *
     * @param signer the hook that turns each image URL to proxy into a signed URL
     * @return a builder with the defaults described on its setters
     */
    public static Builder builder(ImageSigner signer) {
        return new Builder(Objects.requireNonNull(signer, "signer"));
    }

    /**
     * Rewrites an HTML fragment (a comment, a post: content of a {@code <body>}) and returns it
     * serialised without pretty-printing. A null input gives {@code ""}; an input longer than
     * {@link #maxInputLength()} is not parsed and gives {@code ""} (fail closed: nothing of it can load
     * an unproxied image). Never throws for any input.
     *
     * @param html the fragment's markup, may be null
     * @return the rewritten fragment, or {@code ""} for null or over-long input
     */
    public String rewriteFragment(String html) {
        if (html == null || html.length() > maxInputLength) {
            return "";
        }
        Document document = Jsoup.parseBodyFragment(html, "");
        prepare(document);
        rewrite(document.body());
        return document.body().html();
    }

    /**
     * Rewrites a whole HTML document (doctype, head and body) and returns it serialised without
     * pretty-printing; null and over-long inputs give {@code ""} as in {@link #rewriteFragment}.
     *
     * @param html the document's markup, may be null
     * @return the rewritten document, or {@code ""} for null or over-long input
     */
    public String rewriteDocument(String html) {
        if (html == null || html.length() > maxInputLength) {
            return "";
        }
        Document document = Jsoup.parse(html, "");
        prepare(document);
        rewrite(document);
        return document.outerHtml();
    }

    /**
     * Rewrites, in place, the image URLs of {@code root} and all its descendants: for callers who already
     * hold a jsoup tree (for example after cleaning it with jsoup's {@code Safelist}). Attribute names
     * are looked up in lowercase, as jsoup's HTML parser stores them. {@link #maxUrls()} applies; the
     * input length limit does not.
     *
     * @return how many URLs were replaced with signed URLs
     * @param root the subtree to rewrite; modified in place
     */
    public int rewrite(Element root) {
        Objects.requireNonNull(root, "root");
        Pass pass = new Pass();
        int contextSensitiveAncestors = 0;
        for (Element parent = root.parent(); parent != null; parent = parent.parent()) {
            if (isContextSensitive(parent)) {
                contextSensitiveAncestors++;
            }
        }
        pass.contextSensitiveDepth = contextSensitiveAncestors;
        NodeTraversor.traverse(pass, root);
        for (Node node : pass.unsafe) {
            if (node instanceof Comment) {
                node.remove();
            } else {
                String text = node instanceof DataNode ? ((DataNode) node).getWholeData() : ((TextNode) node).getWholeText();
                node.replaceWith(new TextNode(text));
            }
        }
        return pass.rewritten;
    }

    /**
     * The input length above which {@link #rewriteFragment} and {@link #rewriteDocument} return {@code ""}.
     *
     * @return the limit in characters
     */
    public int maxInputLength() {
        return maxInputLength;
    }

    /**
     * How many URLs one call hands to the signer at most; the rest get the {@link FailureAction}.
     *
     * @return the limit per call
     */
    public int maxUrls() {
        return maxUrls;
    }

    @Override
    public String toString() {
        return "HtmlImageRewriter[skipHttps=" + skipHttps + ", protocolRelativeScheme=" + protocolRelativeScheme
                + ", allowedHosts=" + (allowedHosts.length + allowedSuffixes.length) + ", proxyPrefixes="
                + proxyPrefixes.length + ", onFailure=" + failureAction + ", rewriteStyles=" + rewriteStyles
                + ", maxInputLength=" + maxInputLength + ", maxUrls=" + maxUrls + ']';
    }

    /**
     * Output as close to the input as jsoup allows: no re-indentation, characters written as
     * themselves (UTF-8) rather than as entities, only the escapes HTML needs. {@code <plaintext>}
     * becomes {@code <pre>}: jsoup escapes its text, which the parser then reads literally, so the text
     * would change on every pass; a {@code <pre>} shows the same text and reads back the same.
     */
    private static void prepare(Document document) {
        for (Element plaintext : document.getElementsByTag("plaintext")) {
            plaintext.tagName("pre");
        }
        document.outputSettings()
                .prettyPrint(false)
                .outline(false)
                .charset(StandardCharsets.UTF_8)
                .escapeMode(Entities.EscapeMode.base)
                .syntax(Document.OutputSettings.Syntax.html);
    }

    /**
     * One rewrite call: visits every node once, rewriting elements and noting the raw-text nodes that
     * a browser could read as markup.
     */
    private final class Pass implements NodeVisitor {
        int signed;
        int rewritten;
        int contextSensitiveDepth;
        final List<Node> unsafe = new ArrayList<>();

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element) {
                Element element = (Element) node;
                if (isContextSensitive(element)) {
                    contextSensitiveDepth++;
                }
                rewriteElement(this, element);
            } else if (((contextSensitiveDepth > 0 || node instanceof CDataNode) && mayHoldMarkup(node))
                    || (node instanceof DataNode && mayEndItsElement((DataNode) node))) {
                unsafe.add(node);
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element && isContextSensitive((Element) node)) {
                contextSensitiveDepth--;
            }
        }
    }

    /**
     * Whether script/style (raw text) data holds {@code </} and its element's name: a browser ends the
     * element there and reads what follows as markup. jsoup 1.21.2 sometimes does not (it misses
     * {@code </style>} right after {@code </st}), so an {@code <img>} after it would be data to jsoup
     * and an image to the browser. Such data becomes escaped text.
     */
    private static boolean mayEndItsElement(DataNode node) {
        Node parent = node.parentNode();
        if (!(parent instanceof Element)) {
            return false;
        }
        String name = ((Element) parent).normalName();
        String data = node.getWholeData();
        for (int i = data.indexOf("</"); i >= 0; i = data.indexOf("</", i + 2)) {
            if (Ascii.regionMatchesIgnoreCase(data, i + 2, name, 0, name.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SVG, MathML and {@code noscript} are where jsoup's reading of raw text can differ from a
     * browser's: a {@code <script>} or {@code <style>} in foreign content is markup to a browser but
     * data to jsoup, and with scripting on a browser reads all of {@code <noscript>} as raw text, so a
     * {@code </noscript>} inside a comment ends it. Text written there unescaped could hide an image
     * tag this rewriter never saw.
     */
    private static boolean isContextSensitive(Element element) {
        String namespace = element.tag().namespace();
        return Parser.NamespaceSvg.equals(namespace) || Parser.NamespaceMathml.equals(namespace)
                || element.normalName().equals("noscript");
    }

    /**
     * Script/style data, CDATA and comments are written unescaped; with a {@code <} they could be read
     * as markup. Inside context-sensitive elements they are therefore neutralised: data and CDATA become
     * escaped text (which foreign content reads back as the same characters), comments are removed.
     * CDATA is neutralised everywhere: jsoup keeps {@code <![CDATA[...]]>} in HTML content too, where a
     * browser reads a bogus comment that ends at the first {@code >}, and markup after it.
     */
    private static boolean mayHoldMarkup(Node node) {
        if (node instanceof DataNode) {
            return ((DataNode) node).getWholeData().indexOf('<') >= 0;
        }
        if (node instanceof CDataNode) {
            return ((CDataNode) node).getWholeText().indexOf('<') >= 0;
        }
        if (node instanceof Comment) {
            return ((Comment) node).getData().indexOf('<') >= 0;
        }
        return false;
    }

    private void rewriteElement(Pass pass, Element element) {
        switch (element.normalName()) {
            case "img":
                single(pass, element, "src");
                srcset(pass, element);
                // legacy low-resolution and video sources: no current browser loads them, old ones did
                single(pass, element, "lowsrc");
                single(pass, element, "dynsrc");
                break;
            case "source":
                srcset(pass, element);
                break;
            case "video":
                single(pass, element, "poster");
                break;
            case "input":
                // any type: a script may switch it to type=image later, and the type's spelling is the
                // browser's business (the src of other types is never fetched)
                single(pass, element, "src");
                break;
            case "embed":
                single(pass, element, "src");
                break;
            case "object":
                single(pass, element, "data");
                break;
            case "image":
                // src too: if a browser reads this element as HTML, it becomes <img src>
                single(pass, element, "href");
                single(pass, element, "xlink:href");
                single(pass, element, "src");
                break;
            case "feimage":
                single(pass, element, "href");
                single(pass, element, "xlink:href");
                break;
            case "mglyph":
                single(pass, element, "src");
                break;
            case "body":
            case "table":
            case "thead":
            case "tbody":
            case "tfoot":
            case "tr":
            case "td":
            case "th":
                single(pass, element, "background");
                break;
            case "base":
                base(element);
                break;
            case "animate":
            case "set":
            case "animatecolor":
            case "animatemotion":
            case "animatetransform":
                animation(element);
                break;
            default:
                break;
        }
        if (rewriteStyles && element.hasAttr("style")) {
            css(pass, element, "style");
        }
        if (element.attributesSize() > 0) {
            for (String attribute : CSS_URL_ATTRIBUTES) {
                if (element.hasAttr(attribute)) {
                    css(pass, element, attribute);
                }
            }
        }
    }

    /**
     * SVG presentation attributes whose CSS value may hold a {@code url(...)} the browser fetches (an
     * external paint server, filter, mask, clip path, marker or cursor image). Rewritten on every
     * element: harmless on HTML elements, and never missed where a browser reads SVG.
     */
    private static final String[] CSS_URL_ATTRIBUTES = {"fill", "stroke", "filter", "mask", "clip-path", "marker",
        "marker-start", "marker-mid", "marker-end", "cursor", "color-profile"};

    /** Attributes an SVG animation could set to a URL the browser then fetches. */
    private static final Set<String> ANIMATED_URL_ATTRIBUTES = Set.of("href", "src", "style", "background", "poster",
            "srcset", "data", "fill", "stroke", "filter", "mask", "clip-path", "marker", "marker-start", "marker-mid",
            "marker-end", "cursor", "color-profile");

    /** The values an SVG animation element sets its target attribute to. */
    private static final String[] ANIMATION_VALUES = {"from", "to", "by", "values"};

    /**
     * SMIL animation elements ({@code <set attributeName="href" to="http://...">}) can give an image
     * element a URL after this rewriter has run; their values cannot be proxied, so they are removed
     * when they target a URL attribute or hold a CSS URL, whatever the {@link FailureAction}.
     */
    private static void animation(Element element) {
        String target = "";
        for (org.jsoup.nodes.Attribute attribute : element.attributes()) {
            if (Ascii.equalsIgnoreCase(attribute.getKey(), "attributename")) {
                target = Ascii.toLowerCase(attribute.getValue().trim());
                break;
            }
        }
        target = target.substring(target.lastIndexOf(':') + 1);
        boolean urlTarget = ANIMATED_URL_ATTRIBUTES.contains(target);
        for (String name : ANIMATION_VALUES) {
            if (element.hasAttr(name) && (urlTarget || mayHoldCssUrl(element.attr(name)))) {
                element.removeAttr(name);
            }
        }
    }

    /** Whether a CSS value could name a URL: a function such as url() or image-set(), or an escape that may spell one. */
    private static boolean mayHoldCssUrl(String value) {
        return value.indexOf('(') >= 0 || value.indexOf('\\') >= 0;
    }

    private void single(Pass pass, Element element, String attribute) {
        if (!element.hasAttr(attribute)) {
            return;
        }
        String edited = edit(pass, element.attr(attribute), element, attribute, "", false);
        if (edited == DROP) {
            element.removeAttr(attribute);
        } else if (edited != null) {
            element.attr(attribute, edited);
        }
    }

    /**
     * A {@code <base href>} redirects every relative URL of the page, which this rewriter leaves alone
     * as same-origin: one that points where an image could not be left alone cannot be proxied, so it
     * counts as a refusal.
     */
    private void base(Element element) {
        if (!element.hasAttr("href")) {
            return;
        }
        String url = Urls.absoluteHttpUrl(element.attr("href"), protocolRelativeScheme);
        if (url != null && !(skipHttps && url.startsWith("https:")) && !leftAlone(url) && failed() == DROP) {
            element.removeAttr("href");
        }
    }

    private void srcset(Pass pass, Element element) {
        if (!element.hasAttr("srcset")) {
            return;
        }
        String value = element.attr("srcset");
        StringBuilder out = null;
        int copied = 0;
        boolean dropped = false;
        for (Srcset.Candidate candidate : Srcset.parse(value)) {
            String url = value.substring(candidate.urlStart, candidate.urlEnd);
            String edited = edit(pass, url, element, "srcset", candidate.descriptor, true);
            if (edited == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(value.length() + 128);
            }
            out.append(value, copied, candidate.urlStart);
            if (edited == DROP) {
                dropped = true;
                copied = candidate.end;
            } else {
                out.append(edited);
                copied = candidate.urlEnd;
            }
        }
        if (out == null) {
            return;
        }
        out.append(value, copied, value.length());
        String result = dropped ? trimSeparators(out) : out.toString();
        if (result.isEmpty()) {
            element.removeAttr("srcset");
        } else {
            element.attr("srcset", result);
        }
    }

    /** The URLs of a CSS value ({@code style} or a presentation attribute); a drop removes the attribute. */
    private void css(Pass pass, Element element, String attribute) {
        String value = element.attr(attribute);
        String result = CssUrls.rewrite(value, url -> {
            String edited = edit(pass, url, element, attribute, "", false);
            return edited == DROP ? CssUrls.DROP_ATTRIBUTE : edited;
        });
        if (result == null) {
            element.removeAttr(attribute);
        } else if (!result.equals(value)) {
            element.attr(attribute, result);
        }
    }

    /** Marks a URL to remove; compared by identity. */
    private static final String DROP = new String("drop");

    /**
     * The decision for one URL as written: {@code null} to leave it, {@link #DROP} to remove it, or the
     * signed URL.
     */
    private String edit(Pass pass, String raw, Element element, String attribute, String descriptor,
            boolean inSrcset) {
        String url = Urls.absoluteHttpUrl(raw, protocolRelativeScheme);
        if (url == null || (skipHttps && url.startsWith("https:")) || leftAlone(url)) {
            return null;
        }
        if (pass.signed >= maxUrls) {
            return failed();
        }
        pass.signed++;
        String signed;
        try {
            signed = signer.sign(new ImageRef(url, element, attribute, descriptor));
        } catch (IllegalArgumentException e) {
            return failed();
        }
        if (signed == null || signed.isEmpty() || (inSrcset && !fitsSrcset(signed))) {
            return failed();
        }
        pass.rewritten++;
        return signed;
    }

    private String failed() {
        return failureAction == FailureAction.DROP ? DROP : null;
    }

    /** Allowed host or already proxied, compared as the browser resolves the URL (canonical hosts, never Unicode case folding). */
    private boolean leftAlone(String url) {
        if (allowedHosts.length + allowedSuffixes.length + proxyPrefixes.length == 0) {
            return false;
        }
        String host = Urls.canonicalHost(url);
        if (host == null) {
            return false; // a browser refuses the host: proxying it costs nothing and leaks nothing
        }
        for (String allowed : allowedHosts) {
            if (host.equals(allowed)) {
                return true;
            }
        }
        if (host.charAt(0) != '[' && !isIpv4(host)) {
            for (String suffix : allowedSuffixes) {
                if (host.endsWith(suffix)) {
                    return true;
                }
            }
        }
        for (Urls.Prefix prefix : proxyPrefixes) {
            if (prefix.matches(url)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a canonical host is an IPv4 address (WHATWG writes every IPv4 form as dotted decimal). */
    private static boolean isIpv4(String canonicalHost) {
        for (int i = 0; i < canonicalHost.length(); i++) {
            char c = canonicalHost.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    /** A srcset URL must read back as one URL: no whitespace, no comma at either end. */
    private static boolean fitsSrcset(String url) {
        if (url.charAt(0) == ',' || url.charAt(url.length() - 1) == ',') {
            return false;
        }
        for (int i = 0; i < url.length(); i++) {
            if (ImageRef.isHtmlSpace(url.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String trimSeparators(CharSequence s) {
        int start = 0;
        int end = s.length();
        while (start < end && (ImageRef.isHtmlSpace(s.charAt(start)) || s.charAt(start) == ',')) {
            start++;
        }
        while (end > start && (ImageRef.isHtmlSpace(s.charAt(end - 1)) || s.charAt(end - 1) == ',')) {
            end--;
        }
        return s.subSequence(start, end).toString();
    }

    /** Configures an {@link HtmlImageRewriter}. Not thread-safe; the rewriter it builds is. */
    public static final class Builder {
        private final ImageSigner signer;
        private boolean skipHttps = true;
        private String protocolRelativeScheme = "https";
        private final Set<String> allowedHosts = new LinkedHashSet<>();
        private final Map<String, Urls.Prefix> proxyPrefixes = new LinkedHashMap<>();
        private FailureAction failureAction = FailureAction.DROP;
        private boolean rewriteStyles = true;
        private int maxInputLength = DEFAULT_MAX_INPUT_LENGTH;
        private int maxUrls = DEFAULT_MAX_URLS;

        private Builder(ImageSigner signer) {
            this.signer = signer;
        }

        /**
         * Whether to leave https URLs alone (they cause no mixed-content warning, and many sites only
         * proxy http). Default {@code true}; turn off to proxy every off-site image, for privacy.
         *
         * @param skipHttps {@code false} to proxy https images too
         * @return this builder
         */
        public Builder skipHttps(boolean skipHttps) {
            this.skipHttps = skipHttps;
            return this;
        }

        /**
         * The scheme a protocol-relative URL ({@code //host/x.png}) is read with: the scheme your pages
         * are served over, {@code "http"} or {@code "https"}. Default {@code "https"}.
         *
         * @param scheme {@code "http"} or {@code "https"}, any case
         * @return this builder
         * @throws IllegalArgumentException if {@code scheme} is neither http nor https
         */
        public Builder protocolRelativeScheme(String scheme) {
            Objects.requireNonNull(scheme, "scheme");
            String lower = Ascii.toLowerCase(scheme);
            if (!lower.equals("http") && !lower.equals("https")) {
                throw new IllegalArgumentException("protocolRelativeScheme must be http or https, got \"" + scheme + '"');
            }
            this.protocolRelativeScheme = lower;
            return this;
        }

        /**
         * Leaves URLs on {@code host} alone (for example the site's own CDN), any port. Hosts are
         * compared as browsers resolve them: both sides in WHATWG/UTS 46 canonical ASCII form
         * (percent-escapes decoded, IDNA-mapped, ASCII case-insensitive, IPv4 number forms as dotted
         * decimal, a trailing dot ignored), never by Unicode case folding, so {@code cdn.exampl\u0435.org}
         * (Cyrillic e) or {@code c\u0131dn...} never match. {@code ".example.org"} (leading dot) allows
         * every subdomain of example.org but not example.org itself, and never an IP address.
         *
         * @param host a host name or IP literal, or {@code .domain} for its subdomains
         * @return this builder
         * @throws IllegalArgumentException if {@code host} is not a bare host a browser accepts
         */
        public Builder allowHost(String host) {
            Objects.requireNonNull(host, "host");
            boolean subdomains = host.startsWith(".");
            String name = subdomains ? host.substring(1) : host;
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c <= ' ' || "/\\?#@:%".indexOf(c) >= 0) {
                    throw new IllegalArgumentException("allowed host must be a bare host name, got \"" + host + '"');
                }
            }
            String canonical = HostNames.canonical(name);
            if (canonical != null && canonical.endsWith(".")) {
                canonical = canonical.substring(0, canonical.length() - 1);
            }
            if (canonical == null || canonical.isEmpty() || (subdomains && canonical.startsWith("["))) {
                throw new IllegalArgumentException("allowed host is empty or not a host a browser accepts: \"" + host + '"');
            }
            allowedHosts.add(subdomains ? "." + canonical : canonical);
            return this;
        }

        /**
         * Recognises URLs under {@code prefix} (for example {@code https://img.example.org} or
         * {@code https://example.org/camo}) as already proxied and leaves them alone, so that rewriting
         * twice changes nothing. Give the prefix your signer writes; http and https are both matched.
         * Compared as a browser resolves the URL: the same canonical host (see {@link #allowHost}; a
         * lookalike such as {@code img.exampl\u0131.org} is another host and gets proxied), the same
         * port (a scheme's default port counts as none), no user info, the path continuing the
         * prefix's path (case-sensitive) at a {@code / ? #} boundary, with no {@code ..} segment after a
         * non-empty prefix path. Not needed when the signer writes relative URLs, or https ones with
         * {@link #skipHttps} on.
         *
         * @param prefix the absolute URL proxied images start with
         * @return this builder
         * @throws IllegalArgumentException if {@code prefix} is not an absolute http(s) URL with a host a
         *         browser accepts, or has user info, a query or a fragment
         */
        public Builder proxyPrefix(String prefix) {
            Objects.requireNonNull(prefix, "prefix");
            String absolute = Urls.absoluteHttpUrl(prefix, "https");
            Urls.Prefix parsed = absolute == null ? null : Urls.Prefix.of(absolute);
            if (parsed == null || prefix.indexOf('?') >= 0 || prefix.indexOf('#') >= 0) {
                throw new IllegalArgumentException("proxyPrefix must be an absolute http(s) URL with a host a browser "
                        + "accepts, no user info and no query, got \"" + prefix + '"');
            }
            proxyPrefixes.put(parsed.toString(), parsed);
            return this;
        }

        /**
         * What to do with a URL the signer refuses or that exceeds {@link #maxUrls}. Default
         * {@link FailureAction#DROP} (fail closed: the browser never fetches such a URL directly);
         * {@link FailureAction#KEEP} is an opt-in that lets those images load from their origin.
         *
         * @param action what becomes of a URL that could not be signed
         * @return this builder
         */
        public Builder onFailure(FailureAction action) {
            this.failureAction = Objects.requireNonNull(action, "action");
            return this;
        }

        /**
         * Whether to rewrite the URLs of inline {@code style} attributes ({@code background-image:
         * url(...)} and every other {@code url()} or {@code image-set()} URL). Default {@code true}:
         * browsers fetch them like any image. Turn off only when a sanitizer removes {@code style}
         * attributes (or their URLs) before this rewriter runs.
         *
         * @param rewriteStyles {@code false} to leave {@code style} attributes untouched
         * @return this builder
         */
        public Builder rewriteStyles(boolean rewriteStyles) {
            this.rewriteStyles = rewriteStyles;
            return this;
        }

        /**
         * Inputs longer than this many characters are not parsed; the rewrite returns {@code ""}.
         * Default {@value HtmlImageRewriter#DEFAULT_MAX_INPUT_LENGTH}.
         *
         * @param maxInputLength the limit in characters, at least 0
         * @return this builder
         * @throws IllegalArgumentException if {@code maxInputLength} is negative
         */
        public Builder maxInputLength(int maxInputLength) {
            if (maxInputLength < 0) {
                throw new IllegalArgumentException("maxInputLength must not be negative, got " + maxInputLength);
            }
            this.maxInputLength = maxInputLength;
            return this;
        }

        /**
         * At most this many URLs are handed to the signer per call; further URLs that would need
         * signing get the {@link #onFailure} action (by default they are removed).
         * Default {@value HtmlImageRewriter#DEFAULT_MAX_URLS}.
         *
         * @param maxUrls the limit per call, at least 0
         * @return this builder
         * @throws IllegalArgumentException if {@code maxUrls} is negative
         */
        public Builder maxUrls(int maxUrls) {
            if (maxUrls < 0) {
                throw new IllegalArgumentException("maxUrls must not be negative, got " + maxUrls);
            }
            this.maxUrls = maxUrls;
            return this;
        }

        /**
         * The immutable, thread-safe rewriter.
         *
         * @return a rewriter with this builder's settings
         */
        public HtmlImageRewriter build() {
            return new HtmlImageRewriter(this);
        }
    }
}
