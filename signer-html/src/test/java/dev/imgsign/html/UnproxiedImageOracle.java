package dev.imgsign.html;

import dev.imgsign.core.internal.Ascii;
import dev.imgsign.core.internal.HostNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The fuzz oracle "no unproxied image URL survives", written apart from the rewriter: in the output,
 * every URL of an attribute that loads an image (the README's list), read as a browser reads it, is
 * either not fetched off-site over http(s) or points at the proxy's host (canonical host
 * {@code proxyHost}, default port, no user info). The output is read twice: by jsoup, and by a plain
 * scan of the markup as a browser's tokenizer sees tags (comments and raw-text elements skipped),
 * once with {@code noscript} read as markup and once as raw text (scripting off and on).
 */
final class UnproxiedImageOracle {
    private final String proxyHost;

    UnproxiedImageOracle(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    private static final Set<String> TABLE_PARTS = Set.of("body", "table", "thead", "tbody", "tfoot", "tr", "td", "th");
    private static final List<String> CSS_ATTRIBUTES = List.of("style", "fill", "stroke", "filter", "mask", "clip-path",
            "marker", "marker-start", "marker-mid", "marker-end", "cursor", "color-profile");
    private static final Set<String> ANIMATIONS = Set.of("animate", "set", "animatecolor", "animatemotion", "animatetransform");
    private static final Set<String> ANIMATED_URL_TARGETS = Set.of("href", "src", "style", "background", "poster", "srcset",
            "data", "fill", "stroke", "filter", "mask", "clip-path", "marker", "marker-start", "marker-mid", "marker-end",
            "cursor", "color-profile");
    private static final Set<String> RAW_TEXT = Set.of("script", "style", "textarea", "title", "xmp", "iframe", "noembed",
            "noframes");
    private static final Set<String> BREAKOUT = Set.of("b", "big", "blockquote", "body", "br", "center", "code", "dd", "div",
            "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu",
            "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt",
            "u", "ul", "var");

    /** Throws {@link AssertionError} naming the first unproxied image URL of {@code html}. */
    void check(String html, boolean document) {
        Document parsed = document ? Jsoup.parse(html) : Jsoup.parseBodyFragment(html);
        for (Element element : parsed.getAllElements()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            for (Attribute attribute : element.attributes()) {
                attributes.putIfAbsent(Ascii.toLowerCase(attribute.getKey()), attribute.getValue());
            }
            checkElement(element.normalName(), attributes, html);
        }
        scan(html, false);
        scan(html, true);
    }

    private void checkElement(String tag, Map<String, String> attributes, String html) {
        switch (tag) {
            case "img":
                url(attributes.get("src"), html);
                srcset(attributes.get("srcset"), html);
                url(attributes.get("lowsrc"), html);
                url(attributes.get("dynsrc"), html);
                break;
            case "source":
                srcset(attributes.get("srcset"), html);
                break;
            case "video":
                url(attributes.get("poster"), html);
                break;
            case "input":
            case "embed":
            case "mglyph":
                url(attributes.get("src"), html);
                break;
            case "object":
                url(attributes.get("data"), html);
                break;
            case "image":
                url(attributes.get("src"), html);
                url(attributes.get("href"), html);
                url(attributes.get("xlink:href"), html);
                break;
            case "feimage":
                url(attributes.get("href"), html);
                url(attributes.get("xlink:href"), html);
                break;
            case "base":
                url(attributes.get("href"), html);
                break;
            default:
                if (TABLE_PARTS.contains(tag)) {
                    url(attributes.get("background"), html);
                }
                if (ANIMATIONS.contains(tag)) {
                    animation(attributes, html);
                }
                break;
        }
        for (String name : CSS_ATTRIBUTES) {
            String css = attributes.get(name);
            if (css != null) {
                for (String url : cssUrls(css)) {
                    url(url, html);
                }
            }
        }
    }

    private void animation(Map<String, String> attributes, String html) {
        String target = Ascii.toLowerCase(attributes.getOrDefault("attributename", "").trim());
        target = target.substring(target.lastIndexOf(':') + 1);
        for (String name : List.of("from", "to", "by", "values")) {
            String value = attributes.get(name);
            if (value != null && (ANIMATED_URL_TARGETS.contains(target) || !cssUrls(value).isEmpty())) {
                throw new AssertionError("animation can set a URL (" + target + ' ' + name + "=" + value + "): " + html);
            }
        }
    }

    /** Fails when a browser would fetch {@code raw} over http(s) from anywhere but the proxy's host. */
    private void url(String raw, String html) {
        if (raw == null) {
            return;
        }
        int start = 0;
        int end = raw.length();
        while (start < end && raw.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && raw.charAt(end - 1) <= ' ') {
            end--;
        }
        String s = raw.substring(start, end).replace("\t", "").replace("\n", "").replace("\r", "");
        String lower = Ascii.toLowerCase(s);
        int i;
        boolean https;
        if (lower.startsWith("http:")) {
            i = 5;
            https = false;
        } else if (lower.startsWith("https:")) {
            i = 6;
            https = true;
        } else if (s.length() >= 2 && isSlash(s.charAt(0)) && isSlash(s.charAt(1))) {
            i = 2;
            https = true;
        } else {
            return; // relative (no <base> survives, see base above), another scheme, or nothing
        }
        while (i < s.length() && isSlash(s.charAt(i))) {
            i++;
        }
        int authorityEnd = i;
        while (authorityEnd < s.length() && "/\\?#".indexOf(s.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        String authority = s.substring(i, authorityEnd);
        int at = authority.lastIndexOf('@');
        String hostAndPort = authority.substring(at + 1);
        if (hostAndPort.isEmpty() || hostAndPort.charAt(0) == ':') {
            return; // no host: the browser fetches nothing
        }
        if (at >= 0) {
            throw new AssertionError("unproxied image URL with user info " + raw + " in: " + html);
        }
        int colon = authority.startsWith("[") ? authority.indexOf(':', Math.max(0, authority.indexOf(']'))) : authority.indexOf(':');
        String host = colon < 0 ? authority : authority.substring(0, colon);
        String port = colon < 0 ? "" : authority.substring(colon + 1);
        String canonical = HostNames.canonical(host);
        if (canonical == null) {
            return; // the browser refuses the host
        }
        int digits = 0;
        while (digits < port.length() - 1 && port.charAt(digits) == '0') {
            digits++;
        }
        boolean defaultPort = port.isEmpty() || port.substring(digits).equals(https ? "443" : "80");
        if (!(canonical.equals(proxyHost) || canonical.equals(proxyHost + ".")) || !defaultPort) {
            throw new AssertionError("unproxied image URL " + raw + " (host " + canonical + ") in: " + html);
        }
    }

    private void srcset(String value, String html) {
        if (value == null) {
            return;
        }
        int n = value.length();
        int pos = 0;
        while (true) {
            while (pos < n && (isSpace(value.charAt(pos)) || value.charAt(pos) == ',')) {
                pos++;
            }
            if (pos >= n) {
                return;
            }
            int start = pos;
            while (pos < n && !isSpace(value.charAt(pos))) {
                pos++;
            }
            int end = pos;
            boolean trailingComma = false;
            while (end > start && value.charAt(end - 1) == ',') {
                end--;
                trailingComma = true;
            }
            url(value.substring(start, end), html);
            if (!trailingComma) {
                boolean inParens = false;
                while (pos < n && (inParens || value.charAt(pos) != ',')) {
                    char c = value.charAt(pos);
                    inParens = c == '(' || (inParens && c != ')');
                    pos++;
                }
            }
        }
    }

    /**
     * The URLs a CSS value fetches: {@code url(...)} (quoted or not) and strings inside image-set-like
     * functions, after the tokenizer's escapes, skipping comments and other strings.
     */
    static List<String> cssUrls(String css) {
        List<String> urls = new java.util.ArrayList<>();
        java.util.ArrayDeque<String> functions = new java.util.ArrayDeque<>();
        int n = css.length();
        int i = 0;
        while (i < n) {
            char c = css.charAt(i);
            if (c == '/' && i + 1 < n && css.charAt(i + 1) == '*') {
                int close = css.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == '"' || c == '\'') {
                StringBuilder value = new StringBuilder();
                int end = string(css, i, value);
                boolean bad = end < 0; // a bad string (ended by a newline) names nothing
                i = bad ? -end - 1 : end;
                String function = functions.isEmpty() ? "" : functions.peek();
                if (!bad && (function.equals("url") || function.endsWith("image-set") || function.equals("image") || function.equals("src"))) {
                    urls.add(value.toString());
                }
                if (function.equals("url")) {
                    functions.pop();
                    functions.push("url()"); // url("...") takes one string; more make it invalid
                }
            } else if (c == '(') {
                functions.push("");
                i++;
            } else if (c == ')') {
                functions.poll();
                i++;
            } else if (isNameChar(c) || c == '\\') {
                StringBuilder name = new StringBuilder();
                while (i < n && (isNameChar(css.charAt(i)) || (css.charAt(i) == '\\' && i + 1 < n && !isNewline(css.charAt(i + 1))))) {
                    if (css.charAt(i) == '\\') {
                        i = escape(css, i + 1, name);
                    } else {
                        name.append(css.charAt(i++));
                    }
                }
                if (i < n && css.charAt(i) == '(') {
                    String function = Ascii.toLowerCase(name.toString());
                    i++;
                    int j = i;
                    while (j < n && isCssSpace(css.charAt(j))) {
                        j++;
                    }
                    if (function.equals("url") && (j >= n || (css.charAt(j) != '"' && css.charAt(j) != '\''))) {
                        // a url token; whitespace inside, a quote, '(' or a control makes it a bad url (no fetch)
                        StringBuilder value = new StringBuilder();
                        boolean bad = false;
                        boolean spaced = false;
                        while (j < n && css.charAt(j) != ')') {
                            char d = css.charAt(j);
                            if (isCssSpace(d)) {
                                spaced = true;
                                j++;
                            } else if (spaced || d == '"' || d == '\'' || d == '(' || d < 0x09 || d == 0x0B
                                    || (d >= 0x0E && d <= 0x1F) || d == 0x7F || (d == '\\' && (j + 1 >= n || isNewline(css.charAt(j + 1))))) {
                                bad = true;
                                j = j + 1 < n && d == '\\' ? j + 2 : j + 1;
                            } else if (d == '\\') {
                                j = escape(css, j + 1, value);
                            } else {
                                value.append(d);
                                j++;
                            }
                        }
                        if (!bad) {
                            urls.add(value.toString());
                        }
                        i = Math.min(j + 1, n);
                    } else {
                        functions.push(function);
                    }
                } else if (name.length() == 0) {
                    i++;
                }
            } else {
                i++;
            }
        }
        return urls;
    }

    /** The string token at {@code i}: the position after it, or {@code -position - 1} for a bad string. */
    private static int string(String css, int i, StringBuilder value) {
        char quote = css.charAt(i++);
        while (i < css.length()) {
            char c = css.charAt(i);
            if (c == quote) {
                return i + 1;
            }
            if (isNewline(c)) {
                return -i - 1;
            }
            if (c == '\\' && i + 1 < css.length()) {
                i = isNewline(css.charAt(i + 1)) ? i + 2 : escape(css, i + 1, value);
            } else {
                value.append(c);
                i++;
            }
        }
        return i;
    }

    private static int escape(String css, int i, StringBuilder out) {
        int digits = 0;
        int value = 0;
        while (i < css.length() && digits < 6 && Character.digit(css.charAt(i), 16) >= 0 && css.charAt(i) < 0x80) {
            value = value * 16 + Character.digit(css.charAt(i), 16);
            i++;
            digits++;
        }
        if (digits == 0) {
            if (i < css.length()) {
                out.append(css.charAt(i));
                return i + 1;
            }
            return i;
        }
        if (i < css.length() && isCssSpace(css.charAt(i))) {
            i++;
        }
        out.appendCodePoint(value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) ? 0xFFFD : value);
        return i;
    }

    /** The markup as a browser's tokenizer sees tags: every start tag's attributes are checked. */
    private void scan(String html, boolean noscriptIsRawText) {
        int n = html.length();
        int i = 0;
        int foreignDepth = 0;
        while (i < n) {
            int lt = html.indexOf('<', i);
            if (lt < 0 || lt + 1 >= n) {
                return;
            }
            char next = html.charAt(lt + 1);
            if (html.startsWith("<!--", lt)) {
                if (html.startsWith("<!-->", lt)) {
                    i = lt + 5;
                } else if (html.startsWith("<!--->", lt)) {
                    i = lt + 6;
                } else {
                    int close = html.indexOf("-->", lt + 4);
                    int bang = html.indexOf("--!>", lt + 4);
                    int end = close < 0 ? bang : bang < 0 ? close : Math.min(close, bang);
                    i = end < 0 ? n : end + (end == bang ? 4 : 3);
                }
            } else if (next == '!' || next == '?') {
                int close = html.indexOf('>', lt);
                i = close < 0 ? n : close + 1;
            } else if (next == '/' && lt + 2 < n && isAsciiAlpha(html.charAt(lt + 2))) {
                int end = lt + 2;
                while (end < n && !isSpace(html.charAt(end)) && html.charAt(end) != '/' && html.charAt(end) != '>') {
                    end++;
                }
                String name = Ascii.toLowerCase(html.substring(lt + 2, end));
                if ((name.equals("svg") || name.equals("math")) && foreignDepth > 0) {
                    foreignDepth--;
                }
                int close = html.indexOf('>', end);
                i = close < 0 ? n : close + 1;
            } else if (isAsciiAlpha(next)) {
                Map<String, String> attributes = new LinkedHashMap<>();
                int[] position = {lt + 1};
                String name = tag(html, position, attributes);
                i = position[0];
                if (name == null) {
                    return; // end of input inside a tag: the browser emits no tag
                }
                checkElement(name, attributes, html);
                if (foreignDepth > 0 && BREAKOUT.contains(name)) {
                    foreignDepth = 0;
                }
                boolean selfClosing = i >= 2 && html.charAt(i - 2) == '/';
                if ((name.equals("svg") || name.equals("math")) && !selfClosing) {
                    foreignDepth++;
                } else if (foreignDepth == 0 && name.equals("plaintext")) {
                    return;
                } else if (foreignDepth == 0 && (RAW_TEXT.contains(name) || (noscriptIsRawText && name.equals("noscript")))) {
                    i = endTag(html, i, name);
                }
            } else {
                i = lt + 1;
            }
        }
    }

    /**
     * Reads a start tag from {@code position[0]} (its name); returns the name and fills attributes (first
     * wins), or null when the input ends inside the tag.
     */
    private static String tag(String html, int[] position, Map<String, String> attributes) {
        int n = html.length();
        int i = position[0];
        int start = i;
        while (i < n && !isSpace(html.charAt(i)) && html.charAt(i) != '/' && html.charAt(i) != '>') {
            i++;
        }
        String name = Ascii.toLowerCase(html.substring(start, i));
        boolean closed = false;
        while (i < n) {
            char c = html.charAt(i);
            if (isSpace(c) || c == '/') {
                i++;
                continue;
            }
            if (c == '>') {
                i++;
                closed = true;
                break;
            }
            int nameStart = i;
            i++;
            while (i < n && !isSpace(html.charAt(i)) && "/>=".indexOf(html.charAt(i)) < 0) {
                i++;
            }
            String attribute = Ascii.toLowerCase(html.substring(nameStart, i));
            while (i < n && isSpace(html.charAt(i))) {
                i++;
            }
            String value = "";
            if (i < n && html.charAt(i) == '=') {
                i++;
                while (i < n && isSpace(html.charAt(i))) {
                    i++;
                }
                if (i < n && (html.charAt(i) == '"' || html.charAt(i) == '\'')) {
                    int close = html.indexOf(html.charAt(i), i + 1);
                    int end = close < 0 ? n : close;
                    value = html.substring(i + 1, end);
                    i = Math.min(end + 1, n);
                } else {
                    int valueStart = i;
                    while (i < n && !isSpace(html.charAt(i)) && html.charAt(i) != '>') {
                        i++;
                    }
                    value = html.substring(valueStart, i);
                }
            }
            attributes.putIfAbsent(attribute, Parser.unescapeEntities(value, true));
        }
        position[0] = i;
        return closed ? name : null;
    }

    /** Position after the end tag {@code </name} that closes a raw-text element, or the end. */
    private static int endTag(String html, int from, String name) {
        int n = html.length();
        for (int i = html.indexOf("</", from); i >= 0; i = html.indexOf("</", i + 2)) {
            int end = i + 2 + name.length();
            if (Ascii.regionMatchesIgnoreCase(html, i + 2, name, 0, name.length())
                    && (end >= n || isSpace(html.charAt(end)) || html.charAt(end) == '/' || html.charAt(end) == '>')) {
                int close = html.indexOf('>', end);
                return close < 0 ? n : close + 1;
            }
        }
        return n;
    }

    private static boolean isSlash(char c) {
        return c == '/' || c == '\\';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    private static boolean isCssSpace(char c) {
        return c == ' ' || c == '\t' || isNewline(c);
    }

    private static boolean isNewline(char c) {
        return c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isNameChar(char c) {
        return isAsciiAlpha(c) || (c >= '0' && c <= '9') || c == '-' || c == '_' || c >= 0x80;
    }

    private static boolean isAsciiAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
