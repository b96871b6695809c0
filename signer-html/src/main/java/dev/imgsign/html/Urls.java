package dev.imgsign.html;

import dev.imgsign.core.internal.Ascii;
import dev.imgsign.core.internal.HostNames;

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
            scheme = Ascii.toLowerCase(s.substring(0, colon));
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
        return rawHost(url).isEmpty() ? null : url;
    }

    /** The host of an absolute URL from {@link #absoluteHttpUrl} as written: no user info, no port. */
    static String rawHost(String absoluteUrl) {
        int from = absoluteUrl.indexOf("://") + 3;
        int end = authorityEnd(absoluteUrl, from);
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
        return absoluteUrl.substring(from, hostEnd);
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
     * The host a browser connects to for an absolute URL from {@link #absoluteHttpUrl}: WHATWG/UTS 46
     * canonical ASCII (percent-decoded, IDNA-mapped, IPv4 number forms as dotted decimal), without a
     * trailing dot (the same DNS name); {@code null} when a browser would refuse the host.
     */
    static String canonicalHost(String absoluteUrl) {
        String host = HostNames.canonical(rawHost(absoluteUrl));
        if (host != null && host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host == null || host.isEmpty() ? null : host; // "." alone names no host
    }

    /**
     * Where a proxy prefix points, compared as a browser resolves URLs: the canonical host (never Unicode
     * case folding), the port (a scheme's default port is no port), and the path, case-sensitive.
     */
    record Prefix(String host, int port, String path) {
        /** The prefix of an absolute URL from {@link #absoluteHttpUrl} (trailing slashes ignored), or null if a browser would refuse it. */
        static Prefix of(String absoluteUrl) {
            int authorityStart = absoluteUrl.indexOf("://") + 3;
            int authorityEnd = authorityEnd(absoluteUrl, authorityStart);
            String host = canonicalHost(absoluteUrl);
            int port = Urls.port(absoluteUrl, authorityStart, authorityEnd);
            if (host == null || port == BAD_PORT || absoluteUrl.lastIndexOf('@', authorityEnd - 1) >= authorityStart) {
                return null;
            }
            int end = absoluteUrl.length();
            while (end > authorityEnd && absoluteUrl.charAt(end - 1) == '/') {
                end--;
            }
            return new Prefix(host, port, absoluteUrl.substring(authorityEnd, end));
        }

        /**
         * Whether a browser fetching {@code absoluteUrl} (either scheme) asks this prefix's host and
         * port for a path under this prefix's path: same canonical host, same port, no user info, the
         * path continuing at a {@code / ? #} boundary and, under a non-empty path, no {@code ..}
         * segment (a browser resolves it, possibly above the prefix).
         */
        boolean matches(String absoluteUrl) {
            int authorityStart = absoluteUrl.indexOf("://") + 3;
            int authorityEnd = authorityEnd(absoluteUrl, authorityStart);
            if (absoluteUrl.lastIndexOf('@', authorityEnd - 1) >= authorityStart
                    || Urls.port(absoluteUrl, authorityStart, authorityEnd) != port
                    || !host.equals(canonicalHost(absoluteUrl))) {
                return false;
            }
            int n = absoluteUrl.length();
            int after = authorityEnd + path.length();
            if (!absoluteUrl.startsWith(path, authorityEnd) || (after < n && "/?#".indexOf(absoluteUrl.charAt(after)) < 0)) {
                return false;
            }
            return path.isEmpty() || !hasDoubleDotSegment(absoluteUrl, authorityEnd);
        }

        @Override
        public String toString() {
            return host + (port < 0 ? "" : ":" + port) + path;
        }
    }

    private static final int BAD_PORT = -2;

    /** Where the authority ends: the first {@code / ? #} after {@code from} (backslashes are already slashes). */
    private static int authorityEnd(String absoluteUrl, int from) {
        int end = from;
        int n = absoluteUrl.length();
        while (end < n && "/?#".indexOf(absoluteUrl.charAt(end)) < 0) {
            end++;
        }
        return end;
    }

    /**
     * The port of the authority {@code [from, end)} as WHATWG reads it: -1 for none or the scheme's
     * default, {@link #BAD_PORT} when a browser would refuse it.
     */
    private static int port(String absoluteUrl, int from, int end) {
        int at = absoluteUrl.lastIndexOf('@', end - 1);
        int hostStart = at >= from ? at + 1 : from;
        int colon;
        if (hostStart < end && absoluteUrl.charAt(hostStart) == '[') {
            int close = absoluteUrl.indexOf(']', hostStart);
            colon = close < 0 || close + 1 >= end ? -1 : close + 1;
            if (colon >= 0 && absoluteUrl.charAt(colon) != ':') {
                return BAD_PORT;
            }
        } else {
            colon = absoluteUrl.indexOf(':', hostStart);
            colon = colon >= end ? -1 : colon;
        }
        if (colon < 0 || colon + 1 == end) {
            return -1;
        }
        long value = 0;
        for (int i = colon + 1; i < end; i++) {
            char c = absoluteUrl.charAt(i);
            if (c < '0' || c > '9') {
                return BAD_PORT;
            }
            value = value * 10 + (c - '0');
            if (value > 65535) {
                return BAD_PORT;
            }
        }
        int defaultPort = absoluteUrl.startsWith("https:") ? 443 : 80;
        return value == defaultPort ? -1 : (int) value;
    }

    /** Whether the path from {@code from} (to {@code ? #}) has a {@code ..} segment, in any of WHATWG's spellings. */
    private static boolean hasDoubleDotSegment(String absoluteUrl, int from) {
        int n = absoluteUrl.length();
        int segmentStart = from;
        for (int i = from; i <= n; i++) {
            char c = i < n ? absoluteUrl.charAt(i) : '?';
            if (c == '/' || c == '?' || c == '#') {
                String segment = absoluteUrl.substring(segmentStart, i);
                if (segment.equals("..") || Ascii.equalsIgnoreCase(segment, ".%2e")
                        || Ascii.equalsIgnoreCase(segment, "%2e.") || Ascii.equalsIgnoreCase(segment, "%2e%2e")) {
                    return true;
                }
                if (c != '/') {
                    return false;
                }
                segmentStart = i + 1;
            }
        }
        return false;
    }
}
