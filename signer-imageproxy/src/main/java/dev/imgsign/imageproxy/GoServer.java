package dev.imgsign.imageproxy;

import dev.imgsign.core.internal.Ascii;
import dev.imgsign.peer.go.GoBase64;
import dev.imgsign.peer.go.GoUrl;

/**
 * How willnorris/imageproxy turns a request target into a remote URL and options ({@code NewRequest}
 * with its {@code parseURL}), over Go strings (see {@link GoUrl}). Linear in the input; never throws.
 */
final class GoServer {
    private GoServer() {
    }

    /** The outcome: a remote URL and options, or an error text (what the server answers 400 with). */
    record Parsed(GoUrl remote, ImageproxyOptions options, String error) {
        static Parsed error(String error) {
            return new Parsed(null, null, error);
        }
    }

    private static final class RemoteUrl {
        final GoUrl url;
        final boolean encoded;

        RemoteUrl(GoUrl url, boolean encoded) {
            this.url = url;
            this.encoded = encoded;
        }
    }

    /** {@code NewRequest} for a request target (origin form or absolute form), as a Go string. */
    static Parsed newRequest(String target) {
        GoUrl request = GoUrl.parseRequestUri(target);
        if (request == null) {
            return Parsed.error("the request target is not a valid URI");
        }
        switch (request.path()) {
            case "/":
            case "/favicon.ico":
            case "/health-check":
            case "/metrics":
                return Parsed.error("not an image request: the server answers " + request.path() + " itself");
            default:
                break;
        }
        String escaped = request.escapedPath();
        if (escaped.isEmpty()) {
            return Parsed.error("empty path");
        }
        String path = escaped.substring(1);
        RemoteUrl remote = parseUrl(path, true);
        ImageproxyOptions options = ImageproxyOptions.NONE;
        if (remote.url == null || !remote.url.isAbs()) {
            int slash = path.indexOf('/');
            if (slash < 0) {
                return Parsed.error("too few path segments");
            }
            remote = parseUrl(path.substring(slash + 1), false);
            if (remote.url == null) {
                return Parsed.error("unable to parse remote URL");
            }
            options = ImageproxyOptions.parse(path.substring(0, slash));
        }
        GoUrl url = remote.url;
        if (!url.isAbs()) {
            return Parsed.error("must provide absolute remote URL");
        }
        if (!url.scheme().equals("http") && !url.scheme().equals("https")) {
            return Parsed.error("remote URL must have http or https scheme");
        }
        if (!remote.encoded) {
            url.setRawQuery(request.rawQuery()); // the proxy's query string is the remote URL's query
        }
        return new Parsed(url, options, null);
    }

    /**
     * {@code parseURL}: base64, then percent-encoded, then {@code http:/} repair, then url.Parse. When only
     * an absolute URL matters, a text without a scheme is not parsed: url.Parse would fail or yield a
     * relative URL, which the caller treats alike (the whole path is then no remote URL).
     */
    private static RemoteUrl parseUrl(String s, boolean absoluteOnly) {
        boolean encoded = false;
        // Base64 of a text starting "http" starts "aHR0c" (Go's decoder skips only CR and LF): skip the
        // decoding of anything else.
        byte[] decoded = null;
        if (s.startsWith("aHR0c") || s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0) {
            byte[] raw = GoUrl.raw(s);
            decoded = GoBase64.decodeRawUrl(raw, 0, raw.length);
        }
        if (decoded != null) {
            String d = new String(decoded, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (d.startsWith("http://") || d.startsWith("https://")) {
                encoded = true;
                s = d;
            }
        }
        if (looksPercentEncoded(s)) {
            String d = GoUrl.unescape(s, GoUrl.Mode.PATH_SEGMENT);
            if (d != null) {
                encoded = true;
                s = d;
            }
        }
        s = repairCollapsedSlashes(s);
        return new RemoteUrl(absoluteOnly && !startsWithScheme(s) ? null : GoUrl.parse(s), encoded);
    }

    /** Whether url.Parse finds a scheme in {@code s}: a letter, letters, digits, {@code + - .}, then {@code :}. */
    static boolean startsWithScheme(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            boolean other = c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.';
            if (c == ':') {
                return i > 0;
            }
            if (!letter && !(other && i > 0)) {
                return false;
            }
        }
        return false;
    }

    /**
     * ASCII case-insensitive {@code ^https?%3A%2F}. Go's {@code (?i)} also folds {@code ſ} (U+017F) onto
     * {@code s}, but {@code httpſ://…} is refused either way (no valid scheme), so ASCII folding decides
     * the same and no Unicode folding touches attacker input.
     */
    static boolean looksPercentEncoded(String s) {
        int i;
        if (Ascii.startsWithIgnoreCase(s, "https")) {
            i = 5;
        } else if (Ascii.startsWithIgnoreCase(s, "http")) {
            i = 4;
        } else {
            return false;
        }
        return Ascii.regionMatchesIgnoreCase(s, i, "%3A%2F", 0, 6);
    }

    /** {@code ^(https?):/+([^/])} replaced by {@code $1://$2} (case-sensitive). */
    static String repairCollapsedSlashes(String s) {
        int i;
        if (s.startsWith("https:")) {
            i = 6;
        } else if (s.startsWith("http:")) {
            i = 5;
        } else {
            return s;
        }
        int j = i;
        while (j < s.length() && s.charAt(j) == '/') {
            j++;
        }
        if (j == i || j == s.length()) {
            return s;
        }
        return s.substring(0, i) + "//" + s.substring(j);
    }
}
