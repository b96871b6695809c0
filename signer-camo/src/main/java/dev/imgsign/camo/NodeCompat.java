package dev.imgsign.camo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What atmos/camo's Node runtime does to a request, reproduced where it decides acceptance: UTF-8
 * decoding with U+FFFD replacement ({@code Buffer.toString()}), {@code querystring.parse} for the
 * {@code url} parameter, and the host and protocol legacy {@code url.parse} finds. Never throws.
 */
final class NodeCompat {
    /** {@code querystring.parse}'s default {@code maxKeys}. */
    static final int MAX_QUERY_PAIRS = 1000;

    private NodeCompat() {
    }

    /** Decodes UTF-8 as the WHATWG Encoding Standard (and Node's {@code Buffer.toString}) does. */
    static String utf8WithReplacement(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        int needed = 0;
        int seen = 0;
        int codePoint = 0;
        int lower = 0x80;
        int upper = 0xBF;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (needed == 0) {
                if (b <= 0x7F) {
                    out.append((char) b);
                } else if (b >= 0xC2 && b <= 0xDF) {
                    needed = 1;
                    codePoint = b & 0x1F;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    lower = b == 0xE0 ? 0xA0 : 0x80;
                    upper = b == 0xED ? 0x9F : 0xBF;
                    needed = 2;
                    codePoint = b & 0x0F;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    lower = b == 0xF0 ? 0x90 : 0x80;
                    upper = b == 0xF4 ? 0x8F : 0xBF;
                    needed = 3;
                    codePoint = b & 0x07;
                } else {
                    out.append('\uFFFD');
                }
                continue;
            }
            if (b < lower || b > upper) {
                needed = 0;
                seen = 0;
                codePoint = 0;
                lower = 0x80;
                upper = 0xBF;
                out.append('\uFFFD');
                i--; // the byte starts afresh
                continue;
            }
            lower = 0x80;
            upper = 0xBF;
            codePoint = (codePoint << 6) | (b & 0x3F);
            if (++seen == needed) {
                out.appendCodePoint(codePoint);
                needed = 0;
                seen = 0;
                codePoint = 0;
            }
        }
        if (needed != 0) {
            out.append('\uFFFD');
        }
        return out.toString();
    }

    /**
     * {@code req.url} as Node sees the request target: the wire bytes as Latin-1 characters. Non-ASCII
     * characters of {@code target} are taken to have arrived as UTF-8.
     */
    static String asNodeSeesIt(String target) {
        for (int i = 0; i < target.length(); i++) {
            if (target.charAt(i) >= 0x80) {
                return new String(target.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            }
        }
        return target;
    }

    /** Outcome of looking up {@code url} in a query string. */
    static final class QueryUrl {
        static final QueryUrl MISSING = new QueryUrl(null, "the query has no url parameter");
        static final QueryUrl EMPTY = new QueryUrl(null, "the url parameter is empty");
        static final QueryUrl DUPLICATE = new QueryUrl(null, "the url parameter is given more than once");

        final String value;
        final String problem;

        private QueryUrl(String value, String problem) {
            this.value = value;
            this.problem = problem;
        }
    }

    /** {@code querystring.parse(query).url} as atmos/camo uses it; {@code query} may be {@code null}. */
    static QueryUrl queryUrl(String query) {
        if (query == null || query.isEmpty()) {
            return QueryUrl.MISSING;
        }
        String found = null;
        int count = 0;
        int start = 0;
        for (int index = 0; index < MAX_QUERY_PAIRS && start <= query.length(); index++) {
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
     */
    static String formDecode(String s, int from, int to) {
        String ascii = formDecodeAscii(s, from, to);
        return ascii != null ? ascii : formDecodeReference(s, from, to);
    }

    /**
     * The common case of {@link #formDecode} in one pass: ASCII text whose escapes are all well formed and
     * below {@code %80}, where Node's strict decoding succeeds and gives exactly these bytes ({@code +} a
     * space). {@code null} for anything else; CamoFastPathTest proves the agreement.
     */
    static String formDecodeAscii(String s, int from, int to) {
        byte[] out = new byte[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%') {
                int hi = i + 2 < to ? dev.imgsign.core.internal.Percent.hexValue(s.charAt(i + 1)) : -1;
                int lo = i + 2 < to ? dev.imgsign.core.internal.Percent.hexValue(s.charAt(i + 2)) : -1;
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

    /** The reference: Node's {@code querystring.unescape} after {@code +} became a space. */
    static String formDecodeReference(String s, int from, int to) {
        boolean escaped = false;
        StringBuilder plain = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            plain.append(c == '+' ? ' ' : c);
            if (c == '%' && i + 2 < to && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                escaped = true;
            }
        }
        if (!escaped) {
            return plain.toString();
        }
        String strict = decodeUriComponent(plain);
        return strict != null ? strict : utf8WithReplacement(unescapeBytes(plain));
    }

    /** JavaScript's {@code decodeURIComponent}, or {@code null} where it throws {@code URIError}. */
    static String decodeUriComponent(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            int b = escapedByte(s, i);
            if (b < 0) {
                return null;
            }
            i += 3;
            if (b < 0x80) {
                out.append((char) b);
                continue;
            }
            int n;
            int cp;
            int min;
            if ((b & 0xE0) == 0xC0) {
                n = 1;
                cp = b & 0x1F;
                min = 0x80;
            } else if ((b & 0xF0) == 0xE0) {
                n = 2;
                cp = b & 0x0F;
                min = 0x800;
            } else if ((b & 0xF8) == 0xF0) {
                n = 3;
                cp = b & 0x07;
                min = 0x10000;
            } else {
                return null;
            }
            for (int k = 0; k < n; k++) {
                int cont = i < s.length() && s.charAt(i) == '%' ? escapedByte(s, i) : -1;
                if (cont < 0 || (cont & 0xC0) != 0x80) {
                    return null;
                }
                cp = (cp << 6) | (cont & 0x3F);
                i += 3;
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return null;
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    /** {@code querystring.unescapeBuffer}: valid escapes become bytes, other characters their low byte. */
    static byte[] unescapeBytes(CharSequence s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        int i = 0;
        while (i < s.length()) {
            int b = s.charAt(i) == '%' ? escapedByte(s, i) : -1;
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

    private static int escapedByte(CharSequence s, int percent) {
        if (percent + 2 >= s.length()) {
            return -1;
        }
        int hi = dev.imgsign.core.internal.Percent.hexValue(s.charAt(percent + 1));
        int lo = dev.imgsign.core.internal.Percent.hexValue(s.charAt(percent + 2));
        return hi < 0 || lo < 0 ? -1 : (hi << 4) | lo;
    }

    private static boolean isHex(char c) {
        return dev.imgsign.core.internal.Percent.hexValue(c) >= 0;
    }

    /** The protocol and host legacy {@code url.parse} finds in a destination URL. */
    static final class LegacyHost {
        /** Lowercased protocol without the colon, or empty. */
        final String protocol;
        /** The hostname, or {@code null} where url.parse finds no host. */
        final String hostname;

        LegacyHost(String protocol, String hostname) {
            this.protocol = protocol;
            this.hostname = hostname;
        }
    }

    /** Characters that end a hostname in legacy {@code url.parse}, besides whitespace and controls. */
    private static final String HOST_ENDERS = "/?#%;<>\"'`{}|\\^:";

    static LegacyHost legacyHost(String url) {
        int from = 0;
        int to = url.length();
        while (from < to && isJsTrimmed(url.charAt(from))) {
            from++;
        }
        while (to > from && isJsTrimmed(url.charAt(to - 1))) {
            to--;
        }
        int colon = -1;
        for (int i = from; i < to; i++) {
            char c = url.charAt(i);
            if (c == ':' && i > from) {
                colon = i;
                break;
            }
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '+'
                    || c == '-')) {
                break;
            }
        }
        if (colon < 0) {
            return new LegacyHost("", null);
        }
        // The protocol is ASCII here (the loop above), so ASCII lower case is what Node's toLowerCase gives.
        String protocol = dev.imgsign.core.internal.Ascii.toLowerCase(url.substring(from, colon));
        int i = colon + 1;
        // Backslashes before the query or fragment count as slashes.
        if (!(i + 1 < to && isSlash(url.charAt(i)) && isSlash(url.charAt(i + 1)))) {
            return new LegacyHost(protocol, null);
        }
        i += 2;
        int hostEnd = to;
        for (int k = i; k < to; k++) {
            char c = url.charAt(k);
            if (c == '/' || c == '?' || c == '#' || c == '\\') {
                hostEnd = k;
                break;
            }
        }
        int at = url.lastIndexOf('@', hostEnd - 1);
        if (at >= i) {
            i = at + 1;
        }
        if (i < to && url.charAt(i) == '[') {
            int close = url.indexOf(']', i);
            if (close < 0 || close > hostEnd) {
                return new LegacyHost(protocol, "");
            }
            return new LegacyHost(protocol, url.substring(i + 1, close));
        }
        int end = i;
        while (end < to) {
            char c = url.charAt(end);
            if (c <= ' ' || HOST_ENDERS.indexOf(c) >= 0) {
                break;
            }
            end++;
        }
        return new LegacyHost(protocol, url.substring(i, end));
    }

    private static boolean isSlash(char c) {
        return c == '/' || c == '\\';
    }

    private static boolean isJsTrimmed(char c) {
        return c <= ' ' || c == '\u00a0' || c == '\ufeff';
    }
}
