package dev.imgsign.imgproxy;

import dev.imgsign.peer.go.GoBase64;
import dev.imgsign.core.internal.Percent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's path rules, transcribed from imgproxy v3.31.4 ({@code fix_path.go}, {@code options/url.go},
 * {@code options/url_options.go}, {@code ParsePath}) and v4 ({@code handlers/path.go},
 * {@code options/parser}). Linear, no regular expressions, never throws.
 */
final class ImgproxyPath {
    private static final String PLAIN_MARK = "/plain/";

    private ImgproxyPath() {
    }

    /**
     * A parsed path: a request, or the reason it is answered 404. {@code refused} marks a path of the
     * server's shape that we refuse by policy (a source that is not UTF-8, which the server accepts).
     */
    record Parsed(ImgproxyRequest request, String problem, boolean refused) {
    }

    /**
     * The path the server signs: v3 {@code fixPath}, v4 {@code RedenormalizePath}. {@code %3A} becomes
     * {@code :} in the options part; in a plain source the greedy {@code scheme:/x} repair applies.
     */
    static String fix(ImgproxyServerVersion version, String path) {
        String options;
        String plainUrl;
        boolean hasPlain;
        if (version == ImgproxyServerVersion.V4 && path.startsWith("plain/")) {
            options = "";
            plainUrl = path.substring(6);
            hasPlain = true;
        } else {
            int cut = path.indexOf(PLAIN_MARK);
            hasPlain = cut >= 0;
            options = hasPlain ? path.substring(0, cut) : path;
            plainUrl = hasPlain ? path.substring(cut + PLAIN_MARK.length()) : "";
        }
        String fixed = options.replace("%3A", ":");
        if (hasPlain) {
            fixed = fixed + PLAIN_MARK + repairScheme(plainUrl);
        }
        if (version == ImgproxyServerVersion.V4 && fixed.startsWith("/")) {
            fixed = fixed.substring(1);
        }
        return fixed;
    }

    /**
     * Go's {@code regexp.MustCompile(`^(\S+)\:/([^/])`)} replacement: the LAST {@code :/} followed by a
     * character other than {@code /} inside the leading run of non-blank characters becomes {@code ://}
     * ({@code :///} when everything before it is {@code local}).
     */
    static String repairScheme(String plainUrl) {
        int end = 0;
        while (end < plainUrl.length() && !isGoSpace(plainUrl.charAt(end))) {
            end++;
        }
        for (int i = end - 2; i >= 1; i--) {
            if (plainUrl.charAt(i) == ':' && plainUrl.charAt(i + 1) == '/' && i + 2 < plainUrl.length()
                    && plainUrl.charAt(i + 2) != '/') {
                String scheme = plainUrl.substring(0, i);
                return scheme + (scheme.equals("local") ? ":///" : "://") + plainUrl.substring(i + 2);
            }
        }
        return plainUrl;
    }

    /** RE2's {@code \s}: {@code [\t\n\f\r ]}. */
    private static boolean isGoSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    /** {@code ParsePath} on the fixed path: options, then the source (plain or base64). */
    static Parsed parse(String fixedPath) {
        if (fixedPath.isEmpty() || fixedPath.equals("/")) {
            return problem("invalid path");
        }
        String trimmed = fixedPath.startsWith("/") ? fixedPath.substring(1) : fixedPath;
        List<String> parts = split(trimmed);
        if (isResizeType(parts.get(0))) {
            return problem("deprecated basic URL format");
        }
        int urlStart = 0;
        while (urlStart < parts.size() && parts.get(urlStart).indexOf(':') >= 0) {
            urlStart++;
        }
        ImgproxyOptions options = ImgproxyOptions.ofServerSegments(parts.subList(0, urlStart));
        List<String> urlParts = parts.subList(urlStart, parts.size());
        if (urlParts.isEmpty()) {
            return problem("image URL is empty");
        }
        if (urlParts.get(0).equals("plain") && urlParts.size() > 1) {
            return decodeSource(options, String.join("/", urlParts.subList(1, urlParts.size())), true);
        }
        return decodeSource(options, String.join("", urlParts), false);
    }

    /**
     * The source and extension of a plain ({@code @} before the extension, percent-escaped) or base64
     * ({@code .} before the extension) source part, as {@code ParsePath} decodes them.
     */
    private static Parsed decodeSource(ImgproxyOptions options, String encoded, boolean plain) {
        char separator = plain ? '@' : '.';
        int sep = encoded.indexOf(separator);
        if (sep >= 0 && encoded.indexOf(separator, sep + 1) >= 0) {
            return problem("multiple formats are specified");
        }
        String url = sep < 0 ? encoded : encoded.substring(0, sep);
        String extension = sep < 0 ? "" : encoded.substring(sep + 1);
        if (url.isEmpty()) {
            return problem("image URL is empty");
        }
        byte[] bytes = plain ? Percent.decode(url, false) : decodeBase64(url);
        if (bytes == null) {
            return problem("invalid url encoding");
        }
        String source = utf8OrNull(bytes);
        if (source == null) {
            return refused("source URL is not UTF-8 (the server accepts it; a Java string cannot carry it)");
        }
        return new Parsed(new ImgproxyRequest(options, source, extension), null, false);
    }

    /** Trailing {@code =} trimmed, then Go's {@code RawURLEncoding}; {@code null} if invalid. */
    private static byte[] decodeBase64(String url) {
        int end = url.length();
        while (end > 0 && url.charAt(end - 1) == '=') {
            end--;
        }
        byte[] text = url.substring(0, end).getBytes(StandardCharsets.UTF_8);
        return GoBase64.decodeRawUrl(text, 0, text.length);
    }

    /** {@link Percent#utf8OrNull}, without a decoder for the common all-ASCII case. */
    private static String utf8OrNull(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return Percent.utf8OrNull(bytes);
            }
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    static boolean isResizeType(String part) {
        return switch (part) {
            case "fit", "fill", "fill-down", "force", "auto" -> true;
            default -> false;
        };
    }

    private static List<String> split(String s) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (true) {
            int slash = s.indexOf('/', start);
            if (slash < 0) {
                parts.add(s.substring(start));
                return parts;
            }
            parts.add(s.substring(start, slash));
            start = slash + 1;
        }
    }

    private static Parsed problem(String why) {
        return new Parsed(null, why, false);
    }

    private static Parsed refused(String why) {
        return new Parsed(null, why, true);
    }
}
