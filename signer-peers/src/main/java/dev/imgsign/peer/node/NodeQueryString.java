package dev.imgsign.peer.node;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Node's {@code querystring.parse(query).url}, as atmos/camo reads its query format: {@code &}-separated
 * pairs, at most {@value #MAX_PAIRS} of them, keys and values decoded as {@code querystring.unescape}
 * does. Not public API: it may change without notice. Linear, never throws.
 */
public final class NodeQueryString {
    /** {@code querystring.parse}'s default {@code maxKeys}: pairs after these are ignored. */
    public static final int MAX_PAIRS = 1000;

    private NodeQueryString() {
    }

    /** Outcome of looking up {@code url} in a query string: a value, or why there is none. */
    public static final class QueryUrl {
        /** No pair has the key {@code url}. */
        public static final QueryUrl MISSING = new QueryUrl(null, "the query has no url parameter");
        /** The {@code url} value is empty. */
        public static final QueryUrl EMPTY = new QueryUrl(null, "the url parameter is empty");
        /** Several pairs have the key {@code url}: Node returns an array, which camo cannot use. */
        public static final QueryUrl DUPLICATE = new QueryUrl(null, "the url parameter is given more than once");

        private final String value;
        private final String problem;

        private QueryUrl(String value, String problem) {
            this.value = value;
            this.problem = problem;
        }

        /** {@return the decoded, non-empty value, or {@code null} when there is none} */
        public String value() {
            return value;
        }

        /** {@return why there is no value, or {@code null} when there is one} */
        public String problem() {
            return problem;
        }
    }

    /**
     * {@code querystring.parse(query).url} as atmos/camo uses it.
     *
     * @param query the raw query after {@code ?}, or {@code null} when there is none
     * @return the value, or {@link QueryUrl#MISSING}, {@link QueryUrl#EMPTY} or {@link QueryUrl#DUPLICATE}
     */
    public static QueryUrl url(String query) {
        if (query == null || query.isEmpty()) {
            return QueryUrl.MISSING;
        }
        String found = null;
        int count = 0;
        int start = 0;
        for (int index = 0; index < MAX_PAIRS && start <= query.length(); index++) {
            int amp = query.indexOf('&', start);
            int end = amp < 0 ? query.length() : amp;
            if (end > start) {
                int eq = query.indexOf('=', start);
                int keyEnd = eq >= 0 && eq < end ? eq : end;
                if (formDecode(query, start, keyEnd).equals("url")) {
                    count++;
                    found = keyEnd == end ? "" : formDecode(query, keyEnd + 1, end);
                }
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
        if (count == 0) {
            return QueryUrl.MISSING;
        }
        if (count > 1) {
            return QueryUrl.DUPLICATE;
        }
        return found.isEmpty() ? QueryUrl.EMPTY : new QueryUrl(found, null);
    }

    /**
     * A key or value as {@code querystring} decodes it: {@code +} is a space; if a valid {@code %XX}
     * occurs, {@code decodeURIComponent}, or where that fails, byte-wise unescaping read as UTF-8
     * with replacement.
     *
     * @param s the query
     * @param from the first character of the key or value
     * @param to the index after its last character
     * @return the decoded key or value
     */
    public static String formDecode(String s, int from, int to) {
        String ascii = formDecodeAscii(s, from, to);
        return ascii != null ? ascii : formDecodeReference(s, from, to);
    }

    /**
     * The common case of {@link #formDecode} in one pass: ASCII text whose escapes are all well formed
     * and below {@code %80}, where Node's strict decoding succeeds and gives exactly these bytes
     * ({@code +} a space). Camo's {@code CamoFastPathTest} proves the agreement with the reference.
     *
     * @param s the query
     * @param from the first character of the key or value
     * @param to the index after its last character
     * @return the decoded key or value, or {@code null} when it is not this case
     */
    public static String formDecodeAscii(String s, int from, int to) {
        byte[] out = new byte[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%') {
                int hi = i + 2 < to ? NodeText.hexValue(s.charAt(i + 1)) : -1;
                int lo = i + 2 < to ? NodeText.hexValue(s.charAt(i + 2)) : -1;
                if (hi < 0 || lo < 0 || hi >= 8) {
                    return null;
                }
                out[n++] = (byte) (hi << 4 | lo);
                i += 2;
            } else if (c < 0x80) {
                out[n++] = (byte) (c == '+' ? ' ' : c);
            } else {
                return null;
            }
        }
        return new String(out, 0, n, StandardCharsets.ISO_8859_1);
    }

    /**
     * The reference for {@link #formDecode}: Node's {@code querystring.unescape} after {@code +} became a
     * space.
     *
     * @param s the query
     * @param from the first character of the key or value
     * @param to the index after its last character
     * @return the decoded key or value
     */
    public static String formDecodeReference(String s, int from, int to) {
        boolean escaped = false;
        StringBuilder plain = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            plain.append(c == '+' ? ' ' : c);
            if (c == '%' && i + 2 < to && NodeText.hexValue(s.charAt(i + 1)) >= 0
                    && NodeText.hexValue(s.charAt(i + 2)) >= 0) {
                escaped = true;
            }
        }
        if (!escaped) {
            return plain.toString();
        }
        String strict = NodeText.decodeUriComponent(plain);
        return strict != null ? strict : NodeText.utf8WithReplacement(unescapeBytes(plain));
    }

    /**
     * {@code querystring.unescapeBuffer}: valid escapes become bytes, other characters their low byte.
     *
     * @param s the escaped text
     * @return the bytes
     */
    public static byte[] unescapeBytes(CharSequence s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        int i = 0;
        while (i < s.length()) {
            int b = s.charAt(i) == '%' ? NodeText.escapedByte(s, i) : -1;
            if (b >= 0) {
                out.write(b);
                i += 3;
            } else {
                out.write(s.charAt(i) & 0xff);
                i++;
            }
        }
        return out.toByteArray();
    }
}
