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

    /** Whether {@code s[from, to)} is a plain remote URL without query (read char by char: no copy). */
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

    private static final byte[] UPPER_HEX = "0123456789ABCDEF".getBytes(StandardCharsets.ISO_8859_1);

    /**
     * What the signer emits for {@code url} (Go's parse and print, fragment and empty query dropped, the
     * query escaped for transport), computed in one pass for a URL with a plain scheme and host, no
     * fragment and no control characters; null for anything else, and whenever the result would not be
     * plain (except a path kept as it is: see {@link #rewrite}). Returns {@code url} itself when it is
     * already in that form.
     */
    static String normalise(String url) {
        long changes = changes(url);
        if (changes <= 0) {
            return changes == 0 ? url : null;
        }
        byte[] out = new byte[normalisedLength(changes)];
        rewrite(url, (int) changes & CHANGES, out, 0);
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /** {@link #changes}: the path is rewritten. */
    static final int PATH_CHANGES = 1;
    /** {@link #changes}: the query is rewritten. */
    static final int QUERY_CHANGES = 2;
    /** {@link #changes}: the bits of the changes. */
    static final int CHANGES = PATH_CHANGES | QUERY_CHANGES;

    /**
     * What {@link #normalise} does to {@code url}, read char by char: -1 when the fast path does not
     * apply; 0 when the URL is returned as it is; else {@link #PATH_CHANGES} and/or {@link #QUERY_CHANGES},
     * when {@link #rewrite} writes its form, plus its length ({@link #normalisedLength}) shifted left by 2.
     */
    static long changes(String url) {
        int length = url.length();
        if (url.indexOf('#') >= 0) {
            return -1;
        }
        int q = url.indexOf('?');
        int pathEnd = q < 0 ? length : q;
        int pathStart = authorityEnd(url, pathEnd);
        if (pathStart < 0) {
            return -1;
        }
        boolean pathChanges = false;
        boolean rawOnly = false; // a character Go keeps in a valid raw path but escapes when printing afresh
        int rewrittenPath = 0; // the path's length as rewrite prints it afresh
        for (int i = pathStart; i < pathEnd; i++) {
            int run = keptRun(url, i, pathEnd, PATH_CLASS); // the common chars in a tight loop
            rewrittenPath += run - i;
            i = run;
            if (i == pathEnd) {
                break;
            }
            char c = url.charAt(i);
            switch (classOf(PATH_CLASS, c)) {
                case RAW_ONLY:
                    rawOnly = true;
                    rewrittenPath += 3;
                    break;
                case CHANGE:
                    pathChanges = true;
                    rewrittenPath += c < 0x80 ? 3 : 3 * utf8Length(c);
                    break;
                case PERCENT:
                    if (!validEscape(url, i, pathEnd)) {
                        return -1; // Go refuses a bad escape
                    }
                    int b = Percent.hexValue(url.charAt(i + 1)) << 4 | Percent.hexValue(url.charAt(i + 2));
                    rewrittenPath += b < 128 && PATH[b] ? 1 : 3;
                    i += 2;
                    break;
                default:
                    return -1; // Go refuses control characters
            }
        }
        boolean queryChanges = q == length - 1; // an empty query is dropped
        int query = q < 0 || q == length - 1 ? 0 : length - q; // the query's length as rewrite writes it
        for (int i = q + 1; q >= 0 && i < length; i++) {
            i = keptRun(url, i, length, QUERY_CLASS);
            if (i == length) {
                break;
            }
            char c = url.charAt(i);
            if (classOf(QUERY_CLASS, c) == REFUSE) {
                return -1;
            }
            queryChanges = true;
            query += c < 0x80 ? 2 : 3 * utf8Length(c) - 1;
        }
        if (!pathChanges && !queryChanges) {
            // Unchanged: plain unless the path holds a character only a raw path keeps.
            return rawOnly ? -1 : 0;
        }
        if (rewrittenPath < 0 || query < 0) {
            return -1; // a surrogate: the full path turns it into a '?' that splits the URL
        }
        long normalised = pathStart + (pathChanges ? rewrittenPath : pathEnd - pathStart) + query;
        return normalised << 2 | (pathChanges ? PATH_CHANGES : 0) | (queryChanges ? QUERY_CHANGES : 0);
    }

    /** The length of {@link #normalise}'s form from a positive {@link #changes}. */
    static int normalisedLength(long changes) {
        return (int) (changes >>> 2);
    }

    /** The UTF-8 length of a non-ASCII char, or a large negative number for a surrogate. */
    private static int utf8Length(char c) {
        return Character.isSurrogate(c) ? -(1 << 20) : c < 0x800 ? 2 : 3;
    }

    /**
     * Writes {@link #normalise}'s form of {@code url}, whose {@link #changes} are {@code changes} (not 0,
     * so no surrogate), into {@code out} from {@code at}: PATH characters and escapes, then QUERY characters
     * and escapes; a path left as it is may keep characters Go keeps only in a raw path ({@code !} of
     * {@code http://h/!?}), as the full path prints them.
     */
    static void rewrite(String url, int changes, byte[] out, int at) {
        int length = url.length();
        int q = url.indexOf('?');
        int pathEnd = q < 0 ? length : q;
        int pathStart = authorityEnd(url, pathEnd);
        Escaped w = new Escaped(out, at);
        w.chars(url, 0, pathStart);
        if ((changes & PATH_CHANGES) != 0) {
            // Go keeps a raw path only when it is a valid encoding; otherwise it prints the decoded path
            // escaped afresh, which also rewrites the escapes that were there (%41 becomes A).
            for (int i = pathStart; i < pathEnd; i++) {
                int run = keptRun(url, i, pathEnd, PATH_CLASS);
                w.chars(url, i, run);
                if (run == pathEnd) {
                    break;
                }
                i = run;
                char c = url.charAt(i);
                if (c == '%') {
                    w.pathByte(Percent.hexValue(url.charAt(i + 1)) << 4 | Percent.hexValue(url.charAt(i + 2)));
                    i += 2;
                } else if (c < 0x80) {
                    w.pathByte(c);
                } else {
                    w.utf8(c);
                }
            }
        } else {
            w.chars(url, pathStart, pathEnd);
        }
        if (q >= 0 && q < length - 1) {
            w.chars(url, q, q + 1);
            for (int i = q + 1; i < length; i++) {
                int run = keptRun(url, i, length, QUERY_CLASS);
                w.chars(url, i, run);
                if (run == length) {
                    break;
                }
                i = run;
                char c = url.charAt(i);
                if (c < 0x80) {
                    w.escapeUnless(QUERY, c);
                } else {
                    w.utf8(c);
                }
            }
        }
    }

    /** The end of the run from {@code from} of chars kept as they are. */
    private static int keptRun(String s, int from, int to, byte[] classes) {
        int i = from;
        while (i < to && classOf(classes, s.charAt(i)) == KEEP) {
            i++;
        }
        return i;
    }

    /** The class of {@code c} in a table of ISO-8859-1 chars; any other char is changed (escaped as UTF-8). */
    private static byte classOf(byte[] classes, char c) {
        return c < 256 ? classes[c] : CHANGE;
    }

    private static final byte KEEP = 0;
    private static final byte RAW_ONLY = 1;
    private static final byte CHANGE = 2;
    private static final byte PERCENT = 3;
    private static final byte REFUSE = 4;
    /** For each ISO-8859-1 char of a path: kept, kept only in a valid raw path, escaped, an escape, refused. */
    private static final byte[] PATH_CLASS = new byte[256];
    /** For each ISO-8859-1 char of a query: kept, escaped, refused. */
    private static final byte[] QUERY_CLASS = new byte[256];

    static {
        for (int c = 0; c < 256; c++) {
            boolean control = c < 0x20 || c == 0x7f;
            PATH_CLASS[c] = control ? REFUSE : c == '%' ? PERCENT : c >= 0x80 || !RAW_PATH[c] ? CHANGE
                    : PATH[c] ? KEEP : RAW_ONLY;
            QUERY_CLASS[c] = control ? REFUSE : c < 0x80 && QUERY[c] ? KEEP : CHANGE;
        }
    }

    /** Whether {@code s[at]} is {@code %} followed by two hex digits before {@code to}. */
    private static boolean validEscape(String s, int at, int to) {
        return at + 2 < to && Percent.hexValue(s.charAt(at + 1)) >= 0 && Percent.hexValue(s.charAt(at + 2)) >= 0;
    }

    /** Writes ASCII into an array of the right size, percent-escaping bytes outside a table. */
    private static final class Escaped {
        private final byte[] bytes;
        private int at;

        Escaped(byte[] bytes, int at) {
            this.bytes = bytes;
            this.at = at;
        }

        /** Copies the ASCII chars {@code s[from, to)}. */
        @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int) copies ASCII chars as they are
        void chars(String s, int from, int to) {
            s.getBytes(from, to, bytes, at);
            at += to - from;
        }

        /** A decoded path byte: kept if a {@link #PATH} character other than {@code %}, else escaped. */
        void pathByte(int b) {
            if (b == '%') {
                escape(b);
            } else {
                escapeUnless(PATH, b);
            }
        }

        void escapeUnless(boolean[] keep, int b) {
            if (b < 128 && keep[b]) {
                bytes[at++] = (byte) b;
            } else {
                escape(b);
            }
        }

        private void escape(int b) {
            bytes[at] = '%';
            bytes[at + 1] = UPPER_HEX[b >> 4];
            bytes[at + 2] = UPPER_HEX[b & 15];
            at += 3;
        }

        /** Escapes the UTF-8 bytes of the non-ASCII BMP character {@code c}, not a surrogate. */
        void utf8(char c) {
            if (c < 0x800) {
                escape(0xc0 | c >> 6);
            } else {
                escape(0xe0 | c >> 12);
                escape(0x80 | c >> 6 & 0x3f);
            }
            escape(0x80 | c & 0x3f);
        }
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

    /**
     * Where the remote URL starts in {@code /<options>/<plain remote URL>[?<plain query>]}, split as the
     * server splits it, or -1 when the target is not of that form. The options segment holds {@link #PATH}
     * characters but {@code /} and {@code :}, so the server's first attempt (the whole path as a remote URL)
     * finds no scheme and fails; the remote URL holds {@code :}, so it is not base64; there is no {@code %},
     * so nothing is percent-decoded; and {@code http://h} needs no slash repair. The options, read by
     * {@code ImageproxyOptions.parse(target, 1, remoteStart - 1)}, must also be plain ({@link #plainOptions(byte[], int)}).
     */
    static int remoteStart(String target) {
        int length = target.length();
        if (length == 0 || target.charAt(0) != '/') {
            return -1;
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
                return -1;
            }
            slash++;
        }
        if (slash == pathEnd || !plainBeforeQuery(target, slash + 1, pathEnd)) {
            return -1;
        }
        return q < 0 || plainQuery(target, q + 1, length) ? slash + 1 : -1;
    }

    /**
     * The message of a signature over URL and options, for the URL {@code s[from, length)} (ASCII): its
     * bytes, {@code #} and the options' canonical text without signature. Its first {@code length - from}
     * bytes are the message of a URL-only signature.
     */
    @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int) copies ASCII chars as they are
    static byte[] message(String s, int from, ImageproxyOptions options) {
        int n = s.length() - from;
        byte[] out = new byte[options.writeCanonical(null, n + 1)];
        s.getBytes(from, s.length(), out, 0);
        out[n] = '#';
        options.writeCanonical(out, n + 1);
        return out;
    }

    /** Whether Go prints the canonical options after the {@code #} at {@code message[hash]} as they are. */
    static boolean plainOptions(byte[] message, int hash) {
        for (int i = hash + 1; i < message.length; i++) {
            if (!OPTIONS[message[i]]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the options after the {@code #} at {@code message[hash]} are {@code 0x0}. */
    static boolean noOptions(byte[] message, int hash) {
        return message.length == hash + 4 && message[hash + 1] == '0' && message[hash + 2] == 'x' && message[hash + 3] == '0';
    }
}
