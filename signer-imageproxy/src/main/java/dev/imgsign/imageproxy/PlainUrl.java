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
        byte[] raw = url.getBytes(StandardCharsets.ISO_8859_1);
        if (raw.length != url.length()) {
            return false;
        }
        int q = url.indexOf('?');
        if (q < 0) {
            return plainBeforeQuery(url, raw, 0, url.length());
        }
        return plainBeforeQuery(url, raw, 0, q) && plainQuery(url, raw, q + 1, url.length());
    }

    /**
     * Whether {@code s[from, to)} is a plain remote URL without query; {@code raw} is {@code s} in
     * ISO-8859-1, as long as {@code s} (a non-Latin-1 char is a {@code ?} there, which no table admits).
     */
    private static boolean plainBeforeQuery(String s, byte[] raw, int from, int to) {
        int i;
        if (s.startsWith("http://", from)) {
            i = from + 7;
        } else if (s.startsWith("https://", from)) {
            i = from + 8;
        } else {
            return false;
        }
        int hostStart = i;
        while (i < to && raw[i] >= 0 && HOST[raw[i]]) {
            i++;
        }
        if (i == hostStart) {
            return false;
        }
        if (i < to && raw[i] == ':') {
            i++;
            while (i < to && raw[i] >= '0' && raw[i] <= '9') {
                i++;
            }
        }
        if (i == to) {
            return true;
        }
        if (raw[i] != '/') {
            return false;
        }
        for (; i < to; i++) {
            int c = raw[i];
            if (c == '%') {
                if (!validEscape(raw, i, to)) {
                    return false;
                }
                i += 2;
            } else if (c < 0 || !PATH[c]) {
                return false;
            }
        }
        return true;
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

    private static final byte[] UPPER_HEX = "0123456789ABCDEF".getBytes(StandardCharsets.ISO_8859_1);

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
        // One byte per char: non-Latin-1 chars become '?', told apart from a real '?' by the char itself.
        // A surrogate pair becomes one '?' (rare: such a URL takes the full path).
        byte[] raw = url.getBytes(StandardCharsets.ISO_8859_1);
        if (raw.length != length) {
            return null;
        }
        boolean pathChanges = false;
        boolean rawOnly = false; // a character Go keeps in a valid raw path but escapes when printing afresh
        for (int i = pathStart; i < pathEnd; i++) {
            i = keptRun(raw, i, pathEnd, PATH_CLASS); // the common bytes in a tight loop
            if (i == pathEnd) {
                break;
            }
            switch (PATH_CLASS[raw[i] & 0xff]) {
                case KEEP:
                    break;
                case RAW_ONLY:
                    rawOnly = true;
                    break;
                case CHANGE:
                    pathChanges = true;
                    break;
                case PERCENT:
                    if (!validEscape(raw, i, pathEnd)) {
                        return null; // Go refuses a bad escape
                    }
                    i += 2;
                    break;
                default:
                    return null; // Go refuses control characters
            }
        }
        boolean queryChanges = q == length - 1; // an empty query is dropped
        for (int i = q + 1; q >= 0 && i < length; i++) {
            i = keptRun(raw, i, length, QUERY_CLASS);
            if (i == length) {
                break;
            }
            int b = raw[i] & 0xff;
            byte c = QUERY_CLASS[b];
            if (c == REFUSE) {
                return null;
            }
            queryChanges |= c == CHANGE || b == '?' && url.charAt(i) != '?';
        }
        if (!pathChanges && !queryChanges) {
            // Unchanged: plain unless the path holds a character only a raw path keeps.
            return rawOnly ? null : url;
        }
        // The rewrite below yields a plain URL: PATH characters and escapes, then QUERY characters and escapes.
        Escaped out = new Escaped(length + (length >> 1) + 16);
        out.bytes(raw, 0, pathStart);
        if (pathChanges) {
            // Go keeps a raw path only when it is a valid encoding; otherwise it prints the decoded path
            // escaped afresh, which also rewrites the escapes that were there (%41 becomes A).
            for (int i = pathStart; i < pathEnd; i++) {
                int run = keptRun(raw, i, pathEnd, PATH_CLASS);
                out.bytes(raw, i, run);
                if (run == pathEnd) {
                    break;
                }
                i = run;
                int b = raw[i] & 0xff;
                if (b == '%') {
                    out.pathByte(Percent.hexValue((char) raw[i + 1]) << 4 | Percent.hexValue((char) raw[i + 2]));
                    i += 2;
                } else if (b < 0x80 && b != '?') {
                    out.pathByte(b);
                } else if (!out.utf8(url.charAt(i))) {
                    return null;
                }
            }
        } else {
            out.bytes(raw, pathStart, pathEnd);
        }
        if (q >= 0 && q < length - 1) {
            out.bytes(raw, q, q + 1);
            for (int i = q + 1; i < length; i++) {
                int run = keptRun(raw, i, length, QUERY_CLASS);
                out.bytes(raw, i, run);
                if (run == length) {
                    break;
                }
                i = run;
                int b = raw[i] & 0xff;
                if (b < 0x80 && (b != '?' || url.charAt(i) == '?')) {
                    out.escapeUnless(QUERY, b);
                } else if (!out.utf8(url.charAt(i))) {
                    return null;
                }
            }
        }
        return out.text();
    }

    /**
     * The end of the run from {@code from} of bytes kept as they are ({@code ?} is never kept there: it may
     * stand for another char).
     */
    private static int keptRun(byte[] raw, int from, int to, byte[] classes) {
        int i = from;
        while (i < to && classes[raw[i] & 0xff] == KEEP) {
            i++;
        }
        return i;
    }

    private static final byte KEEP = 0;
    private static final byte RAW_ONLY = 1;
    private static final byte CHANGE = 2;
    private static final byte PERCENT = 3;
    private static final byte REFUSE = 4;
    /** A query's {@code ?}: kept if the char is {@code ?}, else it stands for a non-Latin-1 char. */
    private static final byte QUESTION_MARK = 5;
    /** For each ISO-8859-1 byte of a path: kept, kept only in a valid raw path, escaped, an escape, refused. */
    private static final byte[] PATH_CLASS = new byte[256];
    /** For each ISO-8859-1 byte of a query: kept, escaped, refused, or a {@code ?} to look at. */
    private static final byte[] QUERY_CLASS = new byte[256];

    static {
        for (int c = 0; c < 256; c++) {
            boolean control = c < 0x20 || c == 0x7f;
            PATH_CLASS[c] = control ? REFUSE : c == '%' ? PERCENT : c >= 0x80 || !RAW_PATH[c] ? CHANGE
                    : PATH[c] ? KEEP : RAW_ONLY;
            QUERY_CLASS[c] = control ? REFUSE : c == '?' ? QUESTION_MARK : c < 0x80 && QUERY[c] ? KEEP : CHANGE;
        }
    }

    /** Whether {@code s[at]} is {@code %} followed by two hex digits before {@code to}. */
    private static boolean validEscape(byte[] s, int at, int to) {
        return at + 2 < to && Percent.hexValue((char) (s[at + 1] & 0xff)) >= 0
                && Percent.hexValue((char) (s[at + 2] & 0xff)) >= 0;
    }

    /** A growing ASCII buffer that percent-escapes bytes outside a table. */
    private static final class Escaped {
        private byte[] bytes;
        private int size;

        Escaped(int capacity) {
            bytes = new byte[capacity];
        }

        private void room(int n) {
            if (size + n > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
            }
        }

        /** Copies {@code s[from, to)}. */
        void bytes(byte[] s, int from, int to) {
            room(to - from);
            System.arraycopy(s, from, bytes, size, to - from);
            size += to - from;
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
                room(1);
                bytes[size++] = (byte) b;
            } else {
                escape(b);
            }
        }

        private void escape(int b) {
            room(3);
            bytes[size++] = '%';
            bytes[size++] = UPPER_HEX[b >> 4];
            bytes[size++] = UPPER_HEX[b & 15];
        }

        /**
         * Escapes the UTF-8 bytes of the non-ASCII BMP character {@code c}; false for a surrogate, which
         * the full path turns into a {@code ?} that splits the URL (a surrogate pair never gets here: it
         * makes the ISO-8859-1 bytes shorter than the URL).
         */
        boolean utf8(char c) {
            if (Character.isSurrogate(c)) {
                return false;
            }
            if (c < 0x800) {
                escape(0xc0 | c >> 6);
            } else {
                escape(0xe0 | c >> 12);
                escape(0x80 | c >> 6 & 0x3f);
            }
            escape(0x80 | c & 0x3f);
            return true;
        }

        String text() {
            return new String(bytes, 0, size, StandardCharsets.ISO_8859_1);
        }
    }

    /** Whether {@code s[from, to)} is a non-empty plain query; {@code raw} as for {@link #plainBeforeQuery}. */
    private static boolean plainQuery(String s, byte[] raw, int from, int to) {
        if (from == to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            int c = raw[i];
            if (c < 0 || !QUERY[c] || c == '?' && s.charAt(i) != '?') {
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
        /** The target's bytes, the remote URL from {@link #remoteStart} to the end. */
        private final byte[] target;
        private final int remoteStart;

        private Request(String remoteUrl, ImageproxyOptions options, byte[] target, int remoteStart) {
            this.remoteUrl = remoteUrl;
            this.options = options;
            this.target = target;
            this.remoteStart = remoteStart;
        }

        /** {@link PlainUrl#message} of the remote URL, copied from the target's bytes. */
        byte[] message(String options) {
            if (options == null) {
                return java.util.Arrays.copyOfRange(target, remoteStart, target.length);
            }
            int n = target.length - remoteStart;
            byte[] out = java.util.Arrays.copyOfRange(target, remoteStart, target.length + 1 + options.length());
            out[n] = '#';
            for (int i = 0; i < options.length(); i++) {
                out[n + 1 + i] = (byte) options.charAt(i);
            }
            return out;
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
        byte[] raw = target.getBytes(StandardCharsets.ISO_8859_1);
        if (raw.length != length) {
            return null; // a surrogate pair: not plain
        }
        int q = target.indexOf('?');
        int pathEnd = q < 0 ? length : q;
        int slash = 1;
        while (slash < pathEnd) {
            int c = raw[slash];
            if (c == '/') {
                break;
            }
            if (c == ':' || c < 0 || !PATH[c]) {
                return null;
            }
            slash++;
        }
        if (slash == pathEnd || !plainBeforeQuery(target, raw, slash + 1, pathEnd)) {
            return null;
        }
        if (q >= 0 && !plainQuery(target, raw, q + 1, length)) {
            return null;
        }
        ImageproxyOptions options = ImageproxyOptions.parse(target.substring(1, slash));
        if (!plainOptions(options.canonicalWithoutSignature())) {
            return null;
        }
        return new Request(target.substring(slash + 1), options, raw, slash + 1);
    }

    /** The ASCII bytes of {@code url}, followed by {@code #options} unless {@code options} is null. */
    static byte[] message(String url, String options) {
        byte[] urlBytes = url.getBytes(StandardCharsets.ISO_8859_1);
        if (options == null) {
            return urlBytes;
        }
        int n = urlBytes.length;
        byte[] out = java.util.Arrays.copyOf(urlBytes, n + 1 + options.length());
        out[n] = '#';
        for (int i = 0; i < options.length(); i++) {
            out[n + 1 + i] = (byte) options.charAt(i);
        }
        return out;
    }
}
