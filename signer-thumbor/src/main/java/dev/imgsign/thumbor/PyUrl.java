package dev.imgsign.thumbor;

import dev.imgsign.core.internal.Percent;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * The few CPython {@code urllib.parse} behaviours thumbor's request checks depend on (CPython 3.11):
 * lenient percent-decoding, {@code quote} with a safe set, and {@code urlsplit(url).hostname}.
 * Linear work, no regular expressions, never throws.
 */
final class PyUrl {
    /** {@code quote}'s default safe set is {@code /}; letters, digits and {@code _.-~} are always safe. */
    static final String SAFE_SLASH = "/";
    /** The safe set of thumbor's {@code http_loader.encode_url}. */
    static final String SAFE_LOADER = "~@#$&()*!+=:;,.?/'";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** Marks a host check CPython answers with {@code ValueError} (thumbor: an unhandled 500). */
    static final String VALUE_ERROR = "\u0000ValueError";

    private PyUrl() {
    }

    /**
     * {@code urllib.parse.unquote_to_bytes}: {@code %XX} (either case) becomes the byte, anything else,
     * including a {@code %} without two hex digits, stays (as UTF-8).
     */
    static byte[] unquoteToBytes(String s) {
        if (s.indexOf('%') < 0) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[utf8.length];
        int o = 0;
        for (int i = 0; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b == '%' && i + 2 < utf8.length && hex(utf8[i + 1]) >= 0 && hex(utf8[i + 2]) >= 0) {
                out[o++] = (byte) (hex(utf8[i + 1]) << 4 | hex(utf8[i + 2]));
                i += 2;
            } else {
                out[o++] = b;
            }
        }
        return java.util.Arrays.copyOf(out, o);
    }

    /**
     * {@code urllib.parse.unquote(s)} (UTF-8, errors replaced by U+FFFD): escapes are decoded within each
     * run of ASCII characters; other characters stay.
     */
    static String unquote(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int start = i;
            boolean ascii = s.charAt(i) < 0x80;
            while (i < s.length() && (s.charAt(i) < 0x80) == ascii) {
                i++;
            }
            String run = s.substring(start, i);
            out.append(ascii ? new String(unquoteToBytes(run), StandardCharsets.UTF_8) : run);
        }
        return out.toString();
    }

    /**
     * {@code bytes} decoded as strict UTF-8 (CPython's {@code bytes.decode('utf-8')}: no overlong forms,
     * no surrogates, nothing above U+10FFFF), or {@code null}. A validating loop, then one decode: no
     * {@code CharsetDecoder} per call.
     */
    static String utf8OrNull(byte[] bytes) {
        int n = bytes.length;
        for (int i = 0; i < n; ) {
            int c = bytes[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int more;
            int low = 0x80;
            int high = 0xbf;
            if (c >= 0xc2 && c <= 0xdf) {
                more = 1;
            } else if (c >= 0xe0 && c <= 0xef) {
                more = 2;
                low = c == 0xe0 ? 0xa0 : 0x80;
                high = c == 0xed ? 0x9f : 0xbf;
            } else if (c >= 0xf0 && c <= 0xf4) {
                more = 3;
                low = c == 0xf0 ? 0x90 : 0x80;
                high = c == 0xf4 ? 0x8f : 0xbf;
            } else {
                return null;
            }
            if (i + more >= n) {
                return null;
            }
            int second = bytes[i + 1] & 0xff;
            if (second < low || second > high) {
                return null;
            }
            for (int k = 2; k <= more; k++) {
                int next = bytes[i + k] & 0xff;
                if (next < 0x80 || next > 0xbf) {
                    return null;
                }
            }
            i += more + 1;
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Whether {@code s} holds a {@code %XX} escape, that is whether {@code unquote(s) != s}. */
    static boolean hasValidEscape(String s) {
        for (int i = s.indexOf('%'); i >= 0 && i + 2 < s.length(); i = s.indexOf('%', i + 1)) {
            if (Percent.hexValue(s.charAt(i + 1)) >= 0 && Percent.hexValue(s.charAt(i + 2)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** {@code urllib.parse.quote(bytes, safe)}: every byte but letters, digits, {@code _.-~} and {@code safe} escaped. */
    static String quote(byte[] bytes, String safe) {
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                    || c == '-' || c == '~' || (c < 0x80 && safe.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    /** Whether {@code quote(s, safe)} is {@code s} itself (every character safe); saves a copy on the common path. */
    static boolean quoteKeeps(String s, String safe) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                    || c == '-' || c == '~' || (c < 0x80 && safe.indexOf(c) >= 0))) {
                return false;
            }
        }
        return true;
    }

    /** {@code quote(s.encode('utf-8'), safe)}. */
    static String quote(String s, String safe) {
        return quote(s.getBytes(StandardCharsets.UTF_8), safe);
    }

    /**
     * The host thumbor's {@code http_loader.validate} finds for the image URL {@code image} (the path's
     * image part, percent-decoded once): {@code urlparse(_normalize_url(quote(image))).hostname}
     * before lower-casing. Returns {@code null} where CPython's is {@code None} or empty, and
     * {@link #VALUE_ERROR} where {@code urlsplit} raises.
     */
    static String loaderHost(String image) {
        // _normalize_url(quote(image)): quote_url = encode_url(unquote(quote(image))) = encode_url(image)
        String url = hasValidEscape(image) || quoteKeeps(image, SAFE_LOADER) ? image : quote(image, SAFE_LOADER);
        if (!url.startsWith("http")) {
            url = "http://" + url;
        }
        return hostname(url);
    }

    /** {@code urlsplit(url).hostname} before lower-casing; {@code null} for none, {@link #VALUE_ERROR} if it raises. */
    static String hostname(String url) {
        String rest = url;
        if (hasControlOrSpace(url)) {
            int start = 0;
            while (start < url.length() && url.charAt(start) <= ' ') {
                start++;
            }
            StringBuilder b = new StringBuilder(url.length() - start);
            for (int i = start; i < url.length(); i++) {
                char c = url.charAt(i);
                if (c != '\t' && c != '\r' && c != '\n') {
                    b.append(c);
                }
            }
            rest = b.toString();
        }
        int colon = rest.indexOf(':');
        int base = colon > 0 && isAsciiLetter(rest.charAt(0)) && allSchemeChars(rest, colon) ? colon + 1 : 0;
        if (!rest.startsWith("//", base)) {
            return null;
        }
        int end = rest.length();
        for (int i = base + 2; i < end; i++) {
            char c = rest.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                end = i;
            }
        }
        String netloc = rest.substring(base + 2, end);
        boolean open = netloc.indexOf('[') >= 0;
        boolean close = netloc.indexOf(']') >= 0;
        if (open != close) {
            return VALUE_ERROR; // "Invalid IPv6 URL"
        }
        if (!netlocSurvivesNfkc(netloc)) {
            return VALUE_ERROR;
        }
        String hostinfo = netloc.substring(netloc.lastIndexOf('@') + 1);
        String host;
        int bracket = hostinfo.indexOf('[');
        if (bracket >= 0) {
            // Bracketed hosts: CPython validates them as IP literals; we do not model that (see README).
            return VALUE_ERROR;
        } else {
            int portColon = hostinfo.indexOf(':');
            host = portColon >= 0 ? hostinfo.substring(0, portColon) : hostinfo;
        }
        return host.isEmpty() ? null : host;
    }

    private static boolean hasControlOrSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) <= ' ') {
                return true;
            }
        }
        return false;
    }

    /** CPython's {@code _checknetloc}: a non-ASCII netloc must not gain {@code /?#@:} under NFKC. */
    private static boolean netlocSurvivesNfkc(String netloc) {
        boolean ascii = true;
        for (int i = 0; i < netloc.length() && ascii; i++) {
            ascii = netloc.charAt(i) < 0x80;
        }
        if (ascii) {
            return true;
        }
        StringBuilder n = new StringBuilder(netloc.length());
        for (int i = 0; i < netloc.length(); i++) {
            char c = netloc.charAt(i);
            if (c != '@' && c != ':' && c != '#' && c != '?') {
                n.append(c);
            }
        }
        String normalized = Normalizer.normalize(n, Normalizer.Form.NFKC);
        if (normalized.contentEquals(n)) {
            return true;
        }
        for (char c : new char[] {'/', '?', '#', '@', ':'}) {
            if (normalized.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean allSchemeChars(String s, int end) {
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (!(isAsciiLetter(c) || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static int hex(byte b) {
        return Percent.hexValue((char) (b & 0xff));
    }
}
