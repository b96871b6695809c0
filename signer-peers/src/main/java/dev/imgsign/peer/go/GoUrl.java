package dev.imgsign.peer.go;

import java.nio.charset.StandardCharsets;

/**
 * A faithful subset of Go 1.19's {@code net/url}: {@code Parse}, {@code ParseRequestURI},
 * {@code URL.String}, {@code EscapedPath}, {@code Hostname} and the escaping rules behind them, shared by
 * the modules whose peers are Go servers. Not public API: it may change without notice.
 *
 * <p>Go strings are bytes; here they are Java strings whose chars are all 0..255, one per byte
 * ({@link #bytes(String)} turns Java text into that form via UTF-8, {@link #text(String)} back). Every
 * method is linear in its input and nothing throws: a parse error is {@code null}
 * ({@link #parseError(String)} says which). Instances are mutable and never shared.
 */
public final class GoUrl {
    /** Go's {@code encoding} modes of {@code shouldEscape}, {@code escape} and {@code unescape}. */
    public enum Mode { PATH, PATH_SEGMENT, HOST, ZONE, USER_PASSWORD, QUERY_COMPONENT, FRAGMENT }

    private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();

    private String scheme = "";
    private String opaque = "";
    private String username; // null when there is no userinfo
    private String password = "";
    private boolean passwordSet;
    private String host = "";
    private String path = "";
    private String rawPath = "";
    private boolean omitHost;
    private boolean forceQuery;
    private String rawQuery = "";
    private String fragment = "";
    private String rawFragment = "";

    private GoUrl() {
    }

    /** Java text as a Go string: its UTF-8 bytes, one char per byte ({@code text} itself when ASCII). */
    public static String bytes(String text) {
        if (isAscii(text)) {
            return text;
        }
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** A Go string (one char per byte) back to Java text; invalid UTF-8 becomes U+FFFD. */
    public static String text(String goString) {
        if (isAscii(goString)) {
            return goString;
        }
        return new String(goString.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /** The raw bytes of a Go string. */
    public static byte[] raw(String goString) {
        return goString.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** A copy that can be changed without changing this URL. */
    public GoUrl copy() {
        GoUrl u = new GoUrl();
        u.scheme = scheme;
        u.opaque = opaque;
        u.username = username;
        u.password = password;
        u.passwordSet = passwordSet;
        u.host = host;
        u.path = path;
        u.rawPath = rawPath;
        u.omitHost = omitHost;
        u.forceQuery = forceQuery;
        u.rawQuery = rawQuery;
        u.fragment = fragment;
        u.rawFragment = rawFragment;
        return u;
    }

    /** {@code URL.Scheme}: lower case, possibly empty. */
    public String scheme() {
        return scheme;
    }

    /** {@code URL.Opaque}: the rest of a URL whose scheme is not followed by {@code /}, possibly empty. */
    public String opaque() {
        return opaque;
    }

    /** {@code URL.Host}: unescaped host and port, possibly empty. */
    public String host() {
        return host;
    }

    /** {@code URL.Path}: the unescaped path. */
    public String path() {
        return path;
    }

    /** {@code URL.RawQuery}: the query without {@code ?}, still escaped. */
    public String rawQuery() {
        return rawQuery;
    }

    /** Sets {@code URL.RawQuery}. */
    public void setRawQuery(String rawQuery) {
        this.rawQuery = rawQuery;
    }

    /** Sets {@code URL.ForceQuery} (a {@code ?} even when the query is empty). */
    public void setForceQuery(boolean forceQuery) {
        this.forceQuery = forceQuery;
    }

    /** Sets {@code URL.Fragment} (unescaped; {@code RawFragment} is left as it is). */
    public void setFragment(String fragment) {
        this.fragment = fragment;
    }

    /** Clears {@code URL.Fragment} and {@code URL.RawFragment}. */
    public void clearFragment() {
        fragment = "";
        rawFragment = "";
    }

    /** Whether {@code URL.User != nil}. */
    public boolean hasUserinfo() {
        return username != null;
    }

    /** {@code URL.IsAbs}: whether there is a scheme. */
    public boolean isAbs() {
        return !scheme.isEmpty();
    }

    /** {@code url.Parse}: a URL reference, with an optional {@code #fragment}; null on error. */
    public static GoUrl parse(String rawUrl) {
        GoUrl url = new GoUrl();
        return parse(url, rawUrl) == null ? url : null;
    }

    /**
     * Why {@link #parse(String)} fails on {@code rawUrl} (a short reason after Go's error), or {@code null}
     * if it parses. Meant for messages: it parses again.
     */
    public static String parseError(String rawUrl) {
        return parse(new GoUrl(), rawUrl);
    }

    private static String parse(GoUrl url, String rawUrl) {
        int hash = rawUrl.indexOf('#');
        String u = hash < 0 ? rawUrl : rawUrl.substring(0, hash);
        String error = parse(url, u, false);
        if (error != null || hash < 0) {
            return error;
        }
        String frag = rawUrl.substring(hash + 1);
        if (frag.isEmpty()) {
            return null;
        }
        return url.parseFragment(frag);
    }

    /** {@code url.ParseRequestURI}: an HTTP request target; null on error. */
    public static GoUrl parseRequestUri(String rawUrl) {
        GoUrl url = new GoUrl();
        return parse(url, rawUrl, true) == null ? url : null;
    }

    /** Go's {@code parse}: fills {@code url} and returns null, or returns the reason it fails. */
    private static String parse(GoUrl url, String rawUrl, boolean viaRequest) {
        for (int i = 0; i < rawUrl.length(); i++) {
            char b = rawUrl.charAt(i);
            if (b < ' ' || b == 0x7f) {
                return "invalid control character in URL";
            }
        }
        if (rawUrl.isEmpty() && viaRequest) {
            return "empty url";
        }
        if (rawUrl.equals("*")) {
            url.path = "*";
            return null;
        }
        // scheme
        String rest = rawUrl;
        for (int i = 0; i < rawUrl.length(); i++) {
            char c = rawUrl.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                continue;
            }
            if (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    break;
                }
                continue;
            }
            if (c == ':') {
                if (i == 0) {
                    return "missing protocol scheme";
                }
                url.scheme = asciiLower(rawUrl.substring(0, i));
                rest = rawUrl.substring(i + 1);
            }
            break;
        }
        // query
        int q = rest.indexOf('?');
        if (q >= 0 && q == rest.length() - 1) {
            url.forceQuery = true;
            rest = rest.substring(0, q);
        } else if (q >= 0) {
            url.rawQuery = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        if (!rest.startsWith("/")) {
            if (!url.scheme.isEmpty()) {
                url.opaque = rest; // rootless paths are opaque
                return null;
            }
            if (viaRequest) {
                return "invalid URI for request";
            }
            int slash = rest.indexOf('/');
            String segment = slash < 0 ? rest : rest.substring(0, slash);
            if (segment.indexOf(':') >= 0) {
                return "first path segment in URL cannot contain colon";
            }
        }
        if ((!url.scheme.isEmpty() || !viaRequest && !rest.startsWith("///")) && rest.startsWith("//")) {
            String authority = rest.substring(2);
            rest = "";
            int slash = authority.indexOf('/');
            if (slash >= 0) {
                rest = authority.substring(slash);
                authority = authority.substring(0, slash);
            }
            String error = url.parseAuthority(authority);
            if (error != null) {
                return error;
            }
        } else if (!url.scheme.isEmpty() && rest.startsWith("/")) {
            url.omitHost = true;
        }
        return url.setPath(rest);
    }

    private static String asciiLower(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return b.toString();
    }

    private String parseAuthority(String authority) {
        int at = authority.lastIndexOf('@');
        String h = parseHost(at < 0 ? authority : authority.substring(at + 1));
        if (h == null) {
            return "invalid host or port";
        }
        host = h;
        if (at < 0) {
            return null;
        }
        String userinfo = authority.substring(0, at);
        if (!validUserinfo(userinfo)) {
            return "invalid userinfo";
        }
        int colon = userinfo.indexOf(':');
        if (colon < 0) {
            username = unescape(userinfo, Mode.USER_PASSWORD);
            return username == null ? "invalid URL escape in userinfo" : null;
        }
        username = unescape(userinfo.substring(0, colon), Mode.USER_PASSWORD);
        String pass = unescape(userinfo.substring(colon + 1), Mode.USER_PASSWORD);
        if (username == null || pass == null) {
            return "invalid URL escape in userinfo";
        }
        password = pass;
        passwordSet = true;
        return null;
    }

    private static boolean validUserinfo(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                continue;
            }
            if ("-._:~!$&'()*+,;=%@".indexOf(c) < 0) {
                return false; // includes every non-ASCII byte
            }
        }
        return true;
    }

    private static String parseHost(String h) {
        if (h.startsWith("[")) {
            int close = h.lastIndexOf(']');
            if (close < 0) {
                return null;
            }
            if (!validOptionalPort(h.substring(close + 1))) {
                return null;
            }
            int zone = h.substring(0, close).indexOf("%25");
            if (zone >= 0) {
                String h1 = unescape(h.substring(0, zone), Mode.HOST);
                String h2 = unescape(h.substring(zone, close), Mode.ZONE);
                String h3 = unescape(h.substring(close), Mode.HOST);
                return h1 == null || h2 == null || h3 == null ? null : h1 + h2 + h3;
            }
        } else {
            int colon = h.lastIndexOf(':');
            if (colon >= 0 && !validOptionalPort(h.substring(colon))) {
                return null;
            }
        }
        return unescape(h, Mode.HOST);
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

    private String setPath(String p) {
        String decoded = unescape(p, Mode.PATH);
        if (decoded == null) {
            return "invalid URL escape in path";
        }
        path = decoded;
        rawPath = escapesTo(decoded, Mode.PATH, p) ? "" : p;
        return null;
    }

    private String parseFragment(String f) {
        String decoded = unescape(f, Mode.FRAGMENT);
        if (decoded == null) {
            return "invalid URL escape in fragment";
        }
        fragment = decoded;
        rawFragment = escapesTo(decoded, Mode.FRAGMENT, f) ? "" : f;
        return null;
    }

    /** {@code URL.EscapedPath}. */
    public String escapedPath() {
        // Go also checks that rawPath unescapes to path; here both are set together, only by setPath (path is
        // rawPath unescaped), so that holds and is not re-checked (a pass over attacker input).
        if (!rawPath.isEmpty() && validEncoded(rawPath, Mode.PATH)) {
            return rawPath;
        }
        if (path.equals("*")) {
            return "*";
        }
        return escape(path, Mode.PATH);
    }

    private String escapedFragment() {
        if (!rawFragment.isEmpty() && validEncoded(rawFragment, Mode.FRAGMENT) && unescapesTo(rawFragment, fragment)) {
            return rawFragment;
        }
        return escape(fragment, Mode.FRAGMENT);
    }

    /** {@code URL.String}, as a Go string. */
    @Override
    public String toString() {
        StringBuilder buf = new StringBuilder(64);
        if (!scheme.isEmpty()) {
            buf.append(scheme).append(':');
        }
        if (!opaque.isEmpty()) {
            buf.append(opaque);
        } else {
            if (!scheme.isEmpty() || !host.isEmpty() || username != null) {
                if (!(omitHost && host.isEmpty() && username == null)) {
                    if (!host.isEmpty() || !path.isEmpty() || username != null) {
                        buf.append("//");
                    }
                    if (username != null) {
                        buf.append(escape(username, Mode.USER_PASSWORD));
                        if (passwordSet) {
                            buf.append(':').append(escape(password, Mode.USER_PASSWORD));
                        }
                        buf.append('@');
                    }
                    if (!host.isEmpty()) {
                        buf.append(escape(host, Mode.HOST));
                    }
                }
            }
            String p = escapedPath();
            if (!p.isEmpty() && p.charAt(0) != '/' && !host.isEmpty()) {
                buf.append('/');
            }
            if (buf.length() == 0) {
                int slash = p.indexOf('/');
                String segment = slash < 0 ? p : p.substring(0, slash);
                if (segment.indexOf(':') >= 0) {
                    buf.append("./");
                }
            }
            buf.append(p);
        }
        if (forceQuery || !rawQuery.isEmpty()) {
            buf.append('?').append(rawQuery);
        }
        if (!fragment.isEmpty()) {
            buf.append('#').append(escapedFragment());
        }
        return buf.toString();
    }

    /** {@code URL.Hostname}: the host without port and without IPv6 brackets, as a Go string. */
    public String hostname() {
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

    /** {@link #computeShouldEscape} for every ASCII char, per mode (the function runs per char of attacker input). */
    private static final boolean[][] SHOULD_ESCAPE = new boolean[Mode.values().length][128];
    /** Go's {@code unhex} for every ASCII char. */
    private static final byte[] HEX_VALUES = new byte[128];

    static {
        for (Mode mode : Mode.values()) {
            for (char c = 0; c < 128; c++) {
                SHOULD_ESCAPE[mode.ordinal()][c] = computeShouldEscape(c, mode);
            }
        }
        for (char c = 0; c < 128; c++) {
            HEX_VALUES[c] = (byte) computeUnhex(c);
        }
    }

    /** Go's {@code shouldEscape}: every char from 0x80 on is escaped in every mode. */
    private static boolean shouldEscape(char c, Mode mode) {
        return c >= 128 || SHOULD_ESCAPE[mode.ordinal()][c];
    }

    private static boolean computeShouldEscape(char c, Mode mode) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return false;
        }
        if (mode == Mode.HOST || mode == Mode.ZONE) {
            switch (c) {
                case '!': case '$': case '&': case '\'': case '(': case ')': case '*': case '+': case ',':
                case ';': case '=': case ':': case '[': case ']': case '<': case '>': case '"':
                    return false;
                default:
                    break;
            }
        }
        switch (c) {
            case '-': case '_': case '.': case '~':
                return false;
            case '$': case '&': case '+': case ',': case '/': case ':': case ';': case '=': case '?': case '@':
                switch (mode) {
                    case PATH:
                        return c == '?';
                    case PATH_SEGMENT:
                        return c == '/' || c == ';' || c == ',' || c == '?';
                    case USER_PASSWORD:
                        return c == '@' || c == '/' || c == '?' || c == ':';
                    case QUERY_COMPONENT:
                        return true;
                    case FRAGMENT:
                        return false;
                    default:
                        break;
                }
                break;
            default:
                break;
        }
        if (mode == Mode.FRAGMENT && (c == '!' || c == '(' || c == ')' || c == '*')) {
            return false;
        }
        return true;
    }

    private static boolean isHex(char c) {
        return unhex(c) >= 0;
    }

    /** Go's {@code unhex}: the value of a hex digit, or -1. */
    static int unhex(char c) {
        return c < 128 ? HEX_VALUES[c] : -1;
    }

    private static int computeUnhex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /** Go's {@code unescape} of the Go string {@code s}: null where Go returns an error. */
    public static String unescape(String s, Mode mode) {
        int n = 0;
        boolean hasPlus = false;
        int bits = 0; // the chars or-ed: below 256 for a Go string
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            bits |= c;
            if (c == '%') {
                n++;
                if (i + 2 >= s.length() || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
                    return null;
                }
                if (mode == Mode.HOST && unhex(s.charAt(i + 1)) < 8 && !s.startsWith("%25", i)) {
                    return null;
                }
                if (mode == Mode.ZONE) {
                    char v = (char) (unhex(s.charAt(i + 1)) << 4 | unhex(s.charAt(i + 2)));
                    if (!s.startsWith("%25", i) && v != ' ' && shouldEscape(v, Mode.HOST)) {
                        return null;
                    }
                }
                i += 3;
            } else if (c == '+') {
                hasPlus = mode == Mode.QUERY_COMPONENT;
                i++;
            } else {
                if ((mode == Mode.HOST || mode == Mode.ZONE) && c < 0x80 && shouldEscape(c, mode)) {
                    return null; // invalid character in host
                }
                i++;
            }
        }
        if (n == 0 && !hasPlus) {
            return s;
        }
        // Written straight into an array (this runs on attacker input): bytes for a Go string, else chars.
        byte[] bytes = bits < 256 ? new byte[s.length() - 2 * n] : null;
        char[] chars = bytes == null ? new char[s.length() - 2 * n] : null;
        int size = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                c = (char) (unhex(s.charAt(i + 1)) << 4 | unhex(s.charAt(i + 2)));
                i += 2;
            } else if (c == '+' && mode == Mode.QUERY_COMPONENT) {
                c = ' ';
            }
            if (bytes != null) {
                bytes[size++] = (byte) c;
            } else {
                chars[size++] = c;
            }
        }
        return bytes != null ? new String(bytes, StandardCharsets.ISO_8859_1) : new String(chars);
    }

    /** Whether {@code escape(s, mode)} equals {@code expected}, without building it. */
    private static boolean escapesTo(String s, Mode mode, String expected) {
        int j = 0;
        int n = expected.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' && mode == Mode.QUERY_COMPONENT) {
                if (j >= n || expected.charAt(j) != '+') {
                    return false;
                }
                j++;
            } else if (shouldEscape(c, mode)) {
                if (j + 2 >= n || expected.charAt(j) != '%' || expected.charAt(j + 1) != UPPER_HEX[(c >> 4) & 15]
                        || expected.charAt(j + 2) != UPPER_HEX[c & 15]) {
                    return false;
                }
                j += 3;
            } else {
                if (j >= n || expected.charAt(j) != c) {
                    return false;
                }
                j++;
            }
        }
        return j == n;
    }

    /**
     * Whether {@code unescape(s, PATH)} (or {@code FRAGMENT}, which decodes alike) succeeds and equals
     * {@code expected}, without building it.
     */
    private static boolean unescapesTo(String s, String expected) {
        int j = 0;
        int n = expected.length();
        for (int i = 0; i < s.length(); i++, j++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
                    return false;
                }
                c = (char) (unhex(s.charAt(i + 1)) << 4 | unhex(s.charAt(i + 2)));
                i += 2;
            }
            if (j >= n || expected.charAt(j) != c) {
                return false;
            }
        }
        return j == n;
    }

    /** Go's {@code escape}. */
    private static String escape(String s, Mode mode) {
        boolean needed = false;
        for (int i = 0; i < s.length() && !needed; i++) {
            needed = shouldEscape(s.charAt(i), mode);
        }
        if (!needed) {
            return s;
        }
        StringBuilder t = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' && mode == Mode.QUERY_COMPONENT) {
                t.append('+');
            } else if (shouldEscape(c, mode)) {
                t.append('%').append(UPPER_HEX[(c >> 4) & 15]).append(UPPER_HEX[c & 15]);
            } else {
                t.append(c);
            }
        }
        return t.toString();
    }

    private static boolean validEncoded(String s, Mode mode) {
        boolean[] valid = VALID_ENCODED[mode.ordinal()];
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 128 || !valid[c]) {
                return false;
            }
        }
        return true;
    }

    /** Go's {@code validEncoded} per char and mode: {@code !$&'()*+,;=:@[]%} or not escaped (ASCII only). */
    private static final boolean[][] VALID_ENCODED = new boolean[Mode.values().length][128];

    static {
        for (Mode mode : Mode.values()) {
            for (char c = 0; c < 128; c++) {
                VALID_ENCODED[mode.ordinal()][c] = "!$&'()*+,;=:@[]%".indexOf(c) >= 0 || !shouldEscape(c, mode);
            }
        }
    }
}
