package dev.imgsign.peer.node;

/**
 * The protocol and hostname Node's legacy {@code url.parse} finds in a URL, the two parts atmos/camo
 * decides on: backslashes before the path count as slashes, userinfo up to the last {@code @} is
 * skipped, IPv6 literals lose their brackets. The hostname keeps its case (Node lowercases it; callers
 * compare ASCII case-insensitively). Not public API: it may change without notice. Linear, never throws.
 */
public final class NodeLegacyUrl {
    /** Characters that end a hostname in legacy {@code url.parse}, besides whitespace and controls. */
    private static final String HOST_ENDERS = "/?#%;<>\"'`{}|\\^:";

    private final String protocol;
    private final String hostname;

    private NodeLegacyUrl(String protocol, String hostname) {
        this.protocol = protocol;
        this.hostname = hostname;
    }

    /** {@return the protocol without its colon, ASCII-lowercased, or empty when url.parse finds none} */
    public String protocol() {
        return protocol;
    }

    /** {@return the hostname, or {@code null} where url.parse finds no host} */
    public String hostname() {
        return hostname;
    }

    /**
     * What {@code url.parse(url)} finds.
     *
     * @param url the URL, any string
     * @return its protocol and hostname
     */
    public static NodeLegacyUrl parse(String url) {
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
            return new NodeLegacyUrl("", null);
        }
        // The protocol is ASCII here (the loop above), so ASCII lower case is what Node's toLowerCase gives.
        String protocol = asciiLowerCase(url.substring(from, colon));
        int i = colon + 1;
        // Backslashes before the query or fragment count as slashes.
        if (!(i + 1 < to && isSlash(url.charAt(i)) && isSlash(url.charAt(i + 1)))) {
            return new NodeLegacyUrl(protocol, null);
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
                return new NodeLegacyUrl(protocol, "");
            }
            return new NodeLegacyUrl(protocol, url.substring(i + 1, close));
        }
        int end = i;
        while (end < to) {
            char c = url.charAt(end);
            if (c <= ' ' || HOST_ENDERS.indexOf(c) >= 0) {
                break;
            }
            end++;
        }
        return new NodeLegacyUrl(protocol, url.substring(i, end));
    }

    private static String asciiLowerCase(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] += 'a' - 'A';
            }
        }
        return new String(chars);
    }

    private static boolean isSlash(char c) {
        return c == '/' || c == '\\';
    }

    private static boolean isJsTrimmed(char c) {
        return c <= ' ' || c == '\u00a0' || c == '\ufeff';
    }
}
