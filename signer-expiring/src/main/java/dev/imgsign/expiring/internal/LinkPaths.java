package dev.imgsign.expiring.internal;

import dev.imgsign.core.internal.Percent;

/**
 * The path rules the expiring and aurelia links share: a signable path is absolute, ASCII and already
 * percent-encoded; an aurelia link's image name is its last segment, decoded. Not public API.
 */
public final class LinkPaths {
    /** The longest path a signer signs. */
    public static final int MAX_PATH_LENGTH = 2048;
    /** The characters a path may hold raw: printable ASCII except space and {@code ?#"<>\^`{|}}. */
    private static final boolean[] PATH_CHARS = new boolean[0x7f];

    static {
        for (char c = 0x21; c < 0x7f; c++) {
            PATH_CHARS[c] = "?#\"<>\\^`{|}".indexOf(c) < 0;
        }
    }

    private LinkPaths() {
    }

    /**
     * Why {@code path} cannot be signed, or {@code null}: it must start with '/', be ASCII, encoded.
     *
     * @param path a raw path
     * @return the problem, or {@code null} when the path can be signed
     */
    public static String pathProblem(String path) {
        if (path.isEmpty() || path.charAt(0) != '/') {
            return "path must start with '/'";
        }
        if (path.length() > MAX_PATH_LENGTH) {
            return "path is longer than " + MAX_PATH_LENGTH + " characters";
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c >= PATH_CHARS.length || !PATH_CHARS[c]) {
                return "path must be percent-encoded (found a character that needs escaping at index " + i + ")";
            }
            if (c == '%' && (i + 2 >= path.length()
                    || Percent.hexValue(path.charAt(i + 1)) < 0
                    || Percent.hexValue(path.charAt(i + 2)) < 0)) {
                return "path has a '%' not followed by two hex digits at index " + i;
            }
        }
        return null;
    }

    /**
     * The last segment of a raw path, percent-decoded as UTF-8.
     *
     * @param path a raw path
     * @return the decoded segment, or {@code null} when it is not validly encoded UTF-8
     */
    public static String lastSegment(String path) {
        int slash = path.lastIndexOf('/');
        byte[] bytes = Percent.decode(path, slash + 1, path.length(), false);
        return bytes == null ? null : Percent.utf8OrNull(bytes);
    }
}
