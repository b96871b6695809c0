package dev.imgsign.html;

import java.util.Locale;

/** How a browser reads an image URL from an attribute, reduced to what the rewriter needs. */
final class Urls {
    private Urls() {
    }

    /**
     * The absolute http(s) URL a browser on an http(s) page would fetch for {@code raw}, or null when
     * it would fetch nothing off-site through http(s): relative paths, {@code data:} and other schemes,
     * empty values, and URLs without a host.
     *
     * <p>Follows the WHATWG URL parser where it matters for not missing an off-site fetch: leading and
     * trailing C0 controls and spaces are stripped, tabs and newlines anywhere are removed, the scheme
     * is case-insensitive, any run of {@code /} and {@code \} after {@code http:} or at the start of a
     * protocol-relative URL introduces the host, and {@code \} before the query is {@code /}.
     * {@code http:host/x} (no slashes) counts as absolute, which it is except on a page of the same
     * scheme, where it would be a relative path: proxying it is the side that cannot leak.
     */
    static String absoluteHttpUrl(String raw, String protocolRelativeScheme) {
        String s = clean(raw);
        int n = s.length();
        if (n == 0) {
            return null;
        }
        String scheme;
        int rest;
        if (isSlash(s.charAt(0))) {
            if (n < 2 || !isSlash(s.charAt(1))) {
                return null;
            }
            scheme = protocolRelativeScheme;
            rest = 2;
        } else {
            int colon = schemeEnd(s);
            if (colon < 0) {
                return null;
            }
            scheme = s.substring(0, colon).toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return null;
            }
            rest = colon + 1;
        }
        while (rest < n && isSlash(s.charAt(rest))) {
            rest++;
        }
        StringBuilder out = new StringBuilder(scheme.length() + 3 + n - rest).append(scheme).append("://");
        boolean inPath = true;
        for (int i = rest; i < n; i++) {
            char c = s.charAt(i);
            if (c == '?' || c == '#') {
                inPath = false;
            }
            out.append(inPath && c == '\\' ? '/' : c);
        }
        String url = out.toString();
        return host(url).isEmpty() ? null : url;
    }

    /**
     * The lowercase host of an absolute URL from {@link #absoluteHttpUrl}, without userinfo, port or a
     * trailing dot; {@code [..]} kept around IPv6 literals. Percent-escapes are not decoded, so an
     * escaped host never matches an allow-list entry (and gets proxied).
     */
    static String host(String absoluteUrl) {
        int from = absoluteUrl.indexOf("://") + 3;
        int end = from;
        int n = absoluteUrl.length();
        while (end < n && "/?#".indexOf(absoluteUrl.charAt(end)) < 0) {
            end++;
        }
        int at = absoluteUrl.lastIndexOf('@', end - 1);
        if (at >= from) {
            from = at + 1;
        }
        int hostEnd;
        if (from < end && absoluteUrl.charAt(from) == '[') {
            int close = absoluteUrl.indexOf(']', from);
            hostEnd = close < 0 || close >= end ? end : close + 1;
        } else {
            int colon = absoluteUrl.indexOf(':', from);
            hostEnd = colon < 0 || colon >= end ? end : colon;
        }
        if (hostEnd > from && absoluteUrl.charAt(hostEnd - 1) == '.') {
            hostEnd--;
        }
        return absoluteUrl.substring(from, hostEnd).toLowerCase(Locale.ROOT);
    }

    /** {@code raw} without leading/trailing C0 controls and spaces, and without tabs and newlines. */
    private static String clean(String raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && raw.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && raw.charAt(end - 1) <= ' ') {
            end--;
        }
        StringBuilder out = null;
        for (int i = start; i < end; i++) {
            char c = raw.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                if (out == null) {
                    out = new StringBuilder(end - start).append(raw, start, i);
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out != null ? out.toString() : raw.substring(start, end);
    }

    /** Index of the colon ending a URL scheme ({@code ALPHA *( ALPHA / DIGIT / + / - / . ) ":"}), or -1. */
    private static int schemeEnd(String s) {
        if (!isAsciiAlpha(s.charAt(0))) {
            return -1;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') {
                return i;
            }
            if (!isAsciiAlpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isSlash(char c) {
        return c == '/' || c == '\\';
    }

    private static boolean isAsciiAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /**
     * Whether {@code absoluteUrl} starts, after its {@code scheme://}, with {@code prefixAfterScheme}
     * (no trailing slash) at a boundary: the URL ends there or continues with {@code / ? #}. Either
     * scheme and any case match: a prefix names a proxy, and the proxy answers on both.
     */
    static boolean startsWithPrefix(String absoluteUrl, String prefixAfterScheme) {
        int from = absoluteUrl.indexOf("://") + 3;
        int n = prefixAfterScheme.length();
        if (!absoluteUrl.regionMatches(true, from, prefixAfterScheme, 0, n)) {
            return false;
        }
        return absoluteUrl.length() == from + n || "/?#".indexOf(absoluteUrl.charAt(from + n)) >= 0;
    }
}
