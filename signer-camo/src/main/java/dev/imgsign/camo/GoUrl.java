package dev.imgsign.camo;

import dev.imgsign.core.internal.Percent;
import java.nio.charset.StandardCharsets;

/**
 * The parts of Go's {@code net/url.Parse} (go 1.19) that decide whether go-camo accepts a signed
 * target: whether it parses, its scheme, {@code Hostname()}, and whether it carries userinfo.
 * Written from the documented behaviour, checked against go1.19 by vectors. Never throws.
 */
final class GoUrl {
    /** The error when the URL does not parse, else {@code null}. */
    final String error;
    /** Lowercased scheme, possibly empty. */
    final String scheme;
    /** {@code URL.Hostname()}: unescaped host without port and brackets, possibly empty. */
    final String hostname;
    /** Whether {@code URL.User != nil}. */
    final boolean hasUserinfo;

    private GoUrl(String error, String scheme, String hostname, boolean hasUserinfo) {
        this.error = error;
        this.scheme = scheme;
        this.hostname = hostname;
        this.hasUserinfo = hasUserinfo;
    }

    private static GoUrl fail(String error) {
        return new GoUrl(error, "", "", false);
    }

    static GoUrl parse(String raw) {
        int hash = raw.indexOf('#');
        String beforeFragment = hash < 0 ? raw : raw.substring(0, hash);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return fail("invalid control character in URL");
            }
        }
        if (hash >= 0 && unescape(raw.substring(hash + 1), Mode.FRAGMENT) == null) {
            return fail("invalid URL escape in fragment");
        }
        if (beforeFragment.equals("*")) {
            return new GoUrl(null, "", "", false);
        }
        // Scheme: a letter, then letters, digits, '+', '-', '.', up to ':'.
        String scheme = "";
        String rest = beforeFragment;
        for (int i = 0; i < beforeFragment.length(); i++) {
            char c = beforeFragment.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                continue;
            }
            if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    break;
                }
                continue;
            }
            if (c == ':') {
                if (i == 0) {
                    return fail("missing protocol scheme");
                }
                scheme = lowerAscii(beforeFragment.substring(0, i));
                rest = beforeFragment.substring(i + 1);
            }
            break;
        }
        int question = rest.indexOf('?');
        if (question >= 0) {
            rest = rest.substring(0, question);
        }
        if (!rest.startsWith("/")) {
            if (!scheme.isEmpty()) {
                return new GoUrl(null, scheme, "", false); // opaque: no host
            }
            int slash = rest.indexOf('/');
            String segment = slash < 0 ? rest : rest.substring(0, slash);
            if (segment.indexOf(':') >= 0) {
                return fail("first path segment in URL cannot contain colon");
            }
        }
        String hostname = "";
        boolean user = false;
        if ((!scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
            String authority = rest.substring(2);
            int slash = authority.indexOf('/');
            if (slash >= 0) {
                rest = authority.substring(slash);
                authority = authority.substring(0, slash);
            } else {
                rest = "";
            }
            int at = authority.lastIndexOf('@');
            String host = parseHost(at < 0 ? authority : authority.substring(at + 1));
            if (host == null) {
                return fail("invalid host or port");
            }
            if (at >= 0) {
                String userinfo = authority.substring(0, at);
                if (!validUserinfo(userinfo)) {
                    return fail("invalid userinfo");
                }
                if (unescape(userinfo, Mode.USERINFO) == null) {
                    return fail("invalid URL escape in userinfo");
                }
                user = true;
            }
            hostname = hostnameOf(host);
        }
        if (unescape(rest, Mode.PATH) == null) {
            return fail("invalid URL escape in path");
        }
        return new GoUrl(null, scheme, hostname, user);
    }

    private static String parseHost(String host) {
        if (host.startsWith("[")) {
            int close = host.lastIndexOf(']');
            if (close < 0 || !validOptionalPort(host.substring(close + 1))) {
                return null;
            }
            int zone = host.substring(0, close).indexOf("%25");
            if (zone >= 0) {
                String a = unescape(host.substring(0, zone), Mode.HOST);
                String b = unescape(host.substring(zone, close), Mode.ZONE);
                String c = unescape(host.substring(close), Mode.HOST);
                return a == null || b == null || c == null ? null : a + b + c;
            }
        } else {
            int colon = host.lastIndexOf(':');
            if (colon >= 0 && !validOptionalPort(host.substring(colon))) {
                return null;
            }
        }
        return unescape(host, Mode.HOST);
    }

    private static String hostnameOf(String host) {
        String h = host;
        int colon = h.lastIndexOf(':');
        if (colon >= 0 && validOptionalPort(h.substring(colon))) {
            h = h.substring(0, colon);
        }
        if (h.startsWith("[") && h.endsWith("]") && h.length() >= 2) {
            h = h.substring(1, h.length() - 1);
        }
        return h;
    }

    private static boolean validOptionalPort(String port) {
        if (port.isEmpty()) {
            return true;
        }
        if (port.charAt(0) != ':') {
            return false;
        }
        for (int i = 1; i < port.length(); i++) {
            char c = port.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean validUserinfo(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isAlnum(c) || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0) {
                continue;
            }
            return false;
        }
        return true;
    }

    private enum Mode { PATH, HOST, ZONE, USERINFO, FRAGMENT }

    /**
     * Checks {@code s} as Go's {@code unescape} does in {@code mode}; returns the unescaped text (bytes
     * read as UTF-8), or {@code null} where Go reports an error.
     */
    private static String unescape(String s, Mode mode) {
        boolean escaped = false;
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
                    return null;
                }
                int v = (hex(s.charAt(i + 1)) << 4) | hex(s.charAt(i + 2));
                boolean pct25 = v == 0x25;
                if (mode == Mode.HOST && hex(s.charAt(i + 1)) < 8 && !pct25) {
                    return null;
                }
                if (mode == Mode.ZONE && !pct25 && v != ' ' && (v >= 0x80 || hostNeedsEscape((char) v))) {
                    return null;
                }
                escaped = true;
                i += 3;
                continue;
            }
            if ((mode == Mode.HOST || mode == Mode.ZONE) && c < 0x80 && hostNeedsEscape(c)) {
                return null;
            }
            i++;
        }
        return escaped ? new String(Percent.decode(s, false), StandardCharsets.UTF_8) : s;
    }

    /** Go's {@code shouldEscape(c, encodeHost)} for ASCII. */
    private static boolean hostNeedsEscape(char c) {
        if (isAlnum(c)) {
            return false;
        }
        return "!$&'()*+,;=:[]<>\"-_.~".indexOf(c) < 0;
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isHex(char c) {
        return hex(c) >= 0;
    }

    private static int hex(char c) {
        return Percent.hexValue(c);
    }

    private static String lowerAscii(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return b.toString();
    }
}
