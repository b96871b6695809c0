package dev.imgsign.imageproxy;

import dev.imgsign.core.internal.Percent;
import java.nio.charset.StandardCharsets;

/**
 * The fast path for the common case: a remote URL that Go's {@code net/url} parses and prints back
 * unchanged, and a request target that carries one plainly. For such input the signer's normalisation and
 * the server's request parsing ({@link GoServer#newRequest}) are the identity on the remote URL, so no
 * {@code GoUrl} needs to be built. Anything else returns "not plain" and takes the full path;
 * {@code PlainUrlPropertiesTest} proves both paths agree.
 *
 * <p>A plain remote URL is {@code http://} or {@code https://} (lower case), a host of ASCII letters,
 * digits, {@code .} and {@code -} with an optional {@code :port} of digits, an optional path of
 * {@link #PATH} characters starting with {@code /}, and an optional non-empty query of {@link #QUERY}
 * characters. No {@code %}, no fragment, nothing Go or an HTTP client would escape.
 */
final class PlainUrl {
    /** Path characters Go's {@code PATH} escaping and unescaping leave alone (no {@code ! ' ( ) *}: Go escapes them). */
    private static final boolean[] PATH = table("-._~$&+,;=:@/", true);
    /** Path characters Go keeps as they are while the whole path is a valid encoding. */
    private static final boolean[] RAW_PATH = table("-._~$&+,;=:@/!'()*[]", true);
    /** Host characters (the port is checked apart). */
    private static final boolean[] HOST = table(".-", true);
    /** Query characters sent as they are: printable ASCII but {@code " ' < > \ ^ ` { | }} and {@code #}. */
    private static final boolean[] QUERY = query();
    /** Characters of a canonical options text that Go's fragment escaping leaves alone. */
    private static final boolean[] OPTIONS = table(".,+-", true);

    private PlainUrl() {
    }

    private static boolean[] table(String extra, boolean alphanumeric) {
        boolean[] t = new boolean[128];
        for (int c = 0; c < 128; c++) {
            t[c] = alphanumeric && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9');
        }
        for (int i = 0; i < extra.length(); i++) {
            t[extra.charAt(i)] = true;
        }
        return t;
    }

    private static boolean[] query() {
        boolean[] t = new boolean[128];
        for (int c = 0x21; c < 0x7f; c++) {
            t[c] = "\"'<>\\^`{|}#".indexOf(c) < 0;
        }
        return t;
    }

    private static boolean in(boolean[] table, char c) {
        return c < 128 && table[c];
    }

    /** Whether {@code url} is a plain remote URL (with its query, if any). */
    static boolean isPlainRemote(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return plainBeforeQuery(url, 0, url.length());
        }
        return plainBeforeQuery(url, 0, q) && plainQuery(url, q + 1, url.length());
    }

    /** Whether {@code s[from, to)} is a plain remote URL without query. */
    private static boolean plainBeforeQuery(String s, int from, int to) {
        int i;
        if (s.startsWith("http://", from)) {
            i = from + 7;
        } else if (s.startsWith("https://", from)) {
            i = from + 8;
        } else {
            return false;
        }
        int hostStart = i;
        while (i < to && in(HOST, s.charAt(i))) {
            i++;
        }
        if (i == hostStart) {
            return false;
        }
        if (i < to && s.charAt(i) == ':') {
            i++;
            while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
        }
        if (i == to) {
            return true;
        }
        if (s.charAt(i) != '/') {
            return false;
        }
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (!validEscape(s, i, to)) {
                    return false;
                }
                i += 2;
            } else if (!in(PATH, c)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s[at]} is {@code %} followed by two hex digits before {@code to}. */
    private static boolean validEscape(String s, int at, int to) {
        return at + 2 < to && hex(s.charAt(at + 1)) >= 0 && hex(s.charAt(at + 2)) >= 0;
    }

    private static int hex(char c) {
        return Percent.hexValue(c);
    }

    /** The index after {@code http(s)://host[:port]} at {@code s[0]}, or -1 when that is not plain. */
    private static int authorityEnd(String s, int to) {
        int i;
        if (s.startsWith("http://")) {
            i = 7;
        } else if (s.startsWith("https://")) {
            i = 8;
        } else {
            return -1;
        }
        int hostStart = i;
        while (i < to && in(HOST, s.charAt(i))) {
            i++;
        }
        if (i == hostStart) {
            return -1;
        }
        if (i < to && s.charAt(i) == ':') {
            i++;
            while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
        }
        return i == to || s.charAt(i) == '/' ? i : -1;
    }

    private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();

    /**
     * What the signer emits for {@code url} (Go's parse and print, fragment and empty query dropped, the
     * query escaped for transport), computed in one pass for a URL with a plain scheme and host, no
     * fragment and no control characters; null for anything else, and whenever the result would not be
     * plain. Returns {@code url} itself when it is already in that form.
     */
    static String normalise(String url) {
        int length = url.length();
        if (url.indexOf('#') >= 0) {
            return null;
        }
        int q = url.indexOf('?');
        int pathEnd = q < 0 ? length : q;
        int pathStart = authorityEnd(url, pathEnd);
        if (pathStart < 0) {
            return null;
        }
        boolean pathChanges = false;
        for (int i = pathStart; i < pathEnd; i++) {
            char c = url.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return null; // Go refuses control characters
            }
            if (c == '%') {
                if (!validEscape(url, i, pathEnd)) {
                    return null; // Go refuses a bad escape
                }
                i += 2;
            } else if (!in(RAW_PATH, c)) {
                pathChanges = true;
            }
        }
        boolean queryChanges = q == length - 1; // an empty query is dropped
        for (int i = q + 1; q >= 0 && i < length; i++) {
            char c = url.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return null;
            }
            queryChanges |= !in(QUERY, c);
        }
        if (!pathChanges && !queryChanges) {
            return isPlainRemote(url) ? url : null;
        }
        StringBuilder out = new StringBuilder(length + 32).append(url, 0, pathStart);
        if (pathChanges) {
            // Go keeps a raw path only when it is a valid encoding; otherwise it prints the decoded path
            // escaped afresh, which also rewrites the escapes that were there (%41 becomes A).
            byte[] path = url.substring(pathStart, pathEnd).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < path.length; i++) {
                int b = path[i] & 0xff;
                if (b == '%') {
                    b = hex((char) path[i + 1]) << 4 | hex((char) path[i + 2]);
                    i += 2;
                }
                if (b < 128 && PATH[b] && b != '%') {
                    out.append((char) b);
                } else {
                    out.append('%').append(UPPER_HEX[b >> 4]).append(UPPER_HEX[b & 15]);
                }
            }
        } else {
            out.append(url, pathStart, pathEnd);
        }
        if (q >= 0 && q < length - 1) {
            out.append('?');
            byte[] query = url.substring(q + 1).getBytes(StandardCharsets.UTF_8);
            for (byte value : query) {
                int b = value & 0xff;
                if (b < 128 && QUERY[b]) {
                    out.append((char) b);
                } else {
                    out.append('%').append(UPPER_HEX[b >> 4]).append(UPPER_HEX[b & 15]);
                }
            }
        }
        String normalised = out.toString();
        return isPlainRemote(normalised) ? normalised : null;
    }

    /** Whether {@code s[from, to)} is a non-empty plain query. */
    private static boolean plainQuery(String s, int from, int to) {
        if (from == to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!in(QUERY, s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether Go prints {@code canonical} options as a URL fragment unchanged. */
    static boolean plainOptions(String canonical) {
        for (int i = 0; i < canonical.length(); i++) {
            if (!in(OPTIONS, canonical.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A plain request target split into its remote URL and options (what {@link GoServer#newRequest} yields). */
    static final class Request {
        final String remoteUrl;
        final ImageproxyOptions options;

        private Request(String remoteUrl, ImageproxyOptions options) {
            this.remoteUrl = remoteUrl;
            this.options = options;
        }
    }

    /**
     * {@code /<options>/<plain remote URL>[?<plain query>]} split as the server splits it, or null when the
     * target is not of that form. The options segment holds {@link #PATH} characters but {@code /} and
     * {@code :}, so the server's first attempt (the whole path as a remote URL) finds no scheme and fails;
     * the remote URL holds {@code :}, so it is not base64; there is no {@code %}, so nothing is
     * percent-decoded; and {@code http://h} needs no slash repair.
     */
    static Request request(String target) {
        int length = target.length();
        if (length == 0 || target.charAt(0) != '/') {
            return null;
        }
        int q = target.indexOf('?');
        int pathEnd = q < 0 ? length : q;
        int slash = 1;
        while (slash < pathEnd) {
            char c = target.charAt(slash);
            if (c == '/') {
                break;
            }
            if (c == ':' || !in(PATH, c)) {
                return null;
            }
            slash++;
        }
        if (slash == pathEnd || !plainBeforeQuery(target, slash + 1, pathEnd)) {
            return null;
        }
        if (q >= 0 && !plainQuery(target, q + 1, length)) {
            return null;
        }
        ImageproxyOptions options = ImageproxyOptions.parse(target.substring(1, slash));
        if (!plainOptions(options.canonicalWithoutSignature())) {
            return null;
        }
        return new Request(target.substring(slash + 1), options);
    }

    /** The ASCII bytes of {@code url}, followed by {@code #options} unless {@code options} is null. */
    static byte[] message(String url, String options) {
        int n = url.length();
        byte[] out = new byte[options == null ? n : n + 1 + options.length()];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) url.charAt(i);
        }
        if (options != null) {
            out[n] = '#';
            for (int i = 0; i < options.length(); i++) {
                out[n + 1 + i] = (byte) options.charAt(i);
            }
        }
        return out;
    }
}
