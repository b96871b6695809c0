package dev.imgsign.html;

import dev.imgsign.core.internal.Ascii;
import dev.imgsign.core.internal.Percent;
import java.util.Arrays;

/**
 * Finds the URLs an inline {@code style} attribute makes the browser fetch, with the tokenizer rules of
 * CSS Syntax Level 3 that decide what is a URL: {@code url(...)} tokens (escapes decoded, bad URLs
 * skipped), {@code url("...")} functions, and strings directly inside {@code image-set()} /
 * {@code -webkit-image-set()} (and {@code image()}, {@code src()}, which take strings as URLs).
 * Comments and strings are skipped so text inside them is never taken for a URL; a function name
 * spelled with escapes ({@code \75 rl(}) is still recognised. Function names compare ASCII
 * case-insensitively, as CSS does ({@code ſrc(} or {@code ımage-set(} name nothing). One forward pass,
 * no backtracking, no regex: linear in the attribute's length.
 *
 * <p>Where this reads more URLs than a browser would (a {@code url(} after a number or {@code #}), the
 * extra rewrite is harmless; what matters is never missing one the browser fetches.
 */
final class CssUrls {
    /** Decides the replacement for one URL. */
    interface Editor {
        /** The new URL, {@code null} to keep the URL as written, or {@link #DROP_ATTRIBUTE}. */
        String edit(String url);
    }

    /** Returned by an {@link Editor} to ask for the whole style attribute to be removed. */
    static final String DROP_ATTRIBUTE = "\u0000drop";

    private static final byte OTHER = 0;
    private static final byte URL_FUNCTION = 1;
    private static final byte IMAGE_SET = 2;
    private static final byte URL_FUNCTION_DONE = 3;

    private final String css;
    private final int n;
    private final Editor editor;
    private byte[] frames = new byte[16];
    private int depth;
    private int pos;
    private StringBuilder out;
    private int copied;
    private boolean drop;

    private CssUrls(String css, Editor editor) {
        this.css = css;
        this.n = css.length();
        this.editor = editor;
    }

    /**
     * {@code css} with each URL replaced as {@code editor} decides; {@code css} itself when nothing
     * changed, or {@code null} when the editor asked for the attribute to be dropped.
     */
    static String rewrite(String css, Editor editor) {
        CssUrls scanner = new CssUrls(css, editor);
        scanner.scan();
        if (scanner.drop) {
            return null;
        }
        if (scanner.out == null) {
            return css;
        }
        return scanner.out.append(css, scanner.copied, css.length()).toString();
    }

    private void scan() {
        while (pos < n && !drop) {
            char c = css.charAt(pos);
            if (c == '/' && pos + 1 < n && css.charAt(pos + 1) == '*') {
                int close = css.indexOf("*/", pos + 2);
                pos = close < 0 ? n : close + 2;
            } else if (c == '"' || c == '\'') {
                string(c);
            } else if (startsIdent(pos)) {
                identLike();
            } else if (c == '(') {
                push(OTHER);
                pos++;
            } else if (c == ')') {
                if (depth > 0) {
                    depth--;
                }
                pos++;
            } else {
                pos++;
            }
        }
    }

    private void push(byte kind) {
        if (depth == frames.length) {
            frames = Arrays.copyOf(frames, depth * 2); // at most one byte per '(' of the input
        }
        frames[depth++] = kind;
    }

    private byte top() {
        return depth == 0 ? OTHER : frames[depth - 1];
    }

    /** A string token starting at {@code pos}; a URL when it is url("...")'s argument or inside image-set(). */
    private void string(char quote) {
        int start = pos;
        pos++;
        StringBuilder value = new StringBuilder();
        boolean bad = false;
        while (pos < n) {
            char c = css.charAt(pos);
            if (c == quote) {
                pos++;
                break;
            }
            if (isNewline(c)) {
                bad = true; // bad-string token: ends before the newline, which is reconsumed
                break;
            }
            if (c == '\\') {
                if (pos + 1 >= n) {
                    pos++;
                } else if (isNewline(css.charAt(pos + 1))) {
                    pos += css.charAt(pos + 1) == '\r' && pos + 2 < n && css.charAt(pos + 2) == '\n' ? 3 : 2;
                } else {
                    pos++;
                    value.appendCodePoint(escape());
                }
            } else {
                value.append(c);
                pos++;
            }
        }
        byte frame = top();
        boolean isUrl = frame == IMAGE_SET || frame == URL_FUNCTION;
        if (frame == URL_FUNCTION) {
            frames[depth - 1] = URL_FUNCTION_DONE;
        }
        if (isUrl && !bad) {
            replace(start, pos, value.toString());
        }
    }

    /** An ident, a function token or a url token starting at {@code pos}. */
    private void identLike() {
        int start = pos;
        String name = name();
        if (pos >= n || css.charAt(pos) != '(') {
            return;
        }
        pos++;
        if (Ascii.equalsIgnoreCase(name, "url")) {
            int afterParen = pos;
            while (pos < n && isWhitespace(css.charAt(pos))) {
                pos++;
            }
            if (pos < n && (css.charAt(pos) == '"' || css.charAt(pos) == '\'')) {
                push(URL_FUNCTION);
            } else {
                pos = afterParen;
                urlToken(start);
            }
        } else {
            boolean stringUrls = endsWithIgnoreCase(name, "image-set") || Ascii.equalsIgnoreCase(name, "image")
                    || Ascii.equalsIgnoreCase(name, "src");
            push(stringUrls ? IMAGE_SET : OTHER);
        }
    }

    /** The rest of an unquoted url token after {@code url(}; replaced unless it is a bad url. */
    private void urlToken(int start) {
        while (pos < n && isWhitespace(css.charAt(pos))) {
            pos++;
        }
        StringBuilder value = new StringBuilder();
        while (pos < n) {
            char c = css.charAt(pos);
            if (c == ')') {
                pos++;
                replace(start, pos, value.toString());
                return;
            }
            if (isWhitespace(c)) {
                while (pos < n && isWhitespace(css.charAt(pos))) {
                    pos++;
                }
                if (pos >= n || css.charAt(pos) == ')') {
                    pos = Math.min(pos + 1, n);
                    replace(start, pos, value.toString());
                    return;
                }
                badUrlRemnants();
                return;
            }
            if (c == '"' || c == '\'' || c == '(' || isNonPrintable(c)) {
                badUrlRemnants();
                return;
            }
            if (c == '\\') {
                if (pos + 1 < n && !isNewline(css.charAt(pos + 1))) {
                    pos++;
                    value.appendCodePoint(escape());
                    continue;
                }
                badUrlRemnants();
                return;
            }
            value.append(c);
            pos++;
        }
        replace(start, n, value.toString()); // EOF ends a url token (a parse error, still a URL)
    }

    /** A bad url: the browser fetches nothing; skip to its closing parenthesis. */
    private void badUrlRemnants() {
        while (pos < n) {
            char c = css.charAt(pos);
            if (c == ')') {
                pos++;
                return;
            }
            if (c == '\\' && pos + 1 < n && !isNewline(css.charAt(pos + 1))) {
                pos++;
                escape();
            } else {
                pos++;
            }
        }
    }

    /** Consumes a name (escapes decoded) from {@code pos}. */
    private String name() {
        StringBuilder name = new StringBuilder();
        while (pos < n) {
            char c = css.charAt(pos);
            if (isNameChar(c)) {
                name.append(c);
                pos++;
            } else if (c == '\\' && pos + 1 < n && !isNewline(css.charAt(pos + 1))) {
                pos++;
                name.appendCodePoint(escape());
            } else {
                break;
            }
        }
        return name.toString();
    }

    /** Consumes an escape whose backslash is already consumed; returns its code point. */
    private int escape() {
        if (pos >= n) {
            return 0xFFFD;
        }
        char c = css.charAt(pos);
        if (hexValue(c) < 0) {
            int cp = css.codePointAt(pos);
            pos += Character.charCount(cp);
            return cp;
        }
        int value = 0;
        int digits = 0;
        while (pos < n && digits < 6 && hexValue(css.charAt(pos)) >= 0) {
            value = value * 16 + hexValue(css.charAt(pos));
            pos++;
            digits++;
        }
        if (pos < n && isWhitespace(css.charAt(pos))) {
            pos += css.charAt(pos) == '\r' && pos + 1 < n && css.charAt(pos + 1) == '\n' ? 2 : 1;
        }
        if (value == 0 || (value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF) {
            return 0xFFFD;
        }
        return value;
    }

    private void replace(int start, int end, String url) {
        String edited = editor.edit(url);
        if (edited == null) {
            return;
        }
        if (edited == DROP_ATTRIBUTE) {
            drop = true;
            return;
        }
        if (out == null) {
            out = new StringBuilder(n + 64);
        }
        out.append(css, copied, start);
        boolean function = css.charAt(start) != '"' && css.charAt(start) != '\'';
        if (function) {
            out.append("url(");
        }
        appendString(out, edited);
        if (function) {
            out.append(')');
        }
        copied = end;
    }

    /** A single-quoted CSS string (single quotes stay unescaped inside a double-quoted HTML attribute). */
    static void appendString(StringBuilder out, String value) {
        out.append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                out.append('\\').append(Integer.toHexString(c)).append(' ');
            } else {
                out.append(c);
            }
        }
        out.append('\'');
    }

    private boolean startsIdent(int at) {
        char c = css.charAt(at);
        if (isNameStart(c)) {
            return true;
        }
        if (c == '-') {
            if (at + 1 >= n) {
                return false;
            }
            char d = css.charAt(at + 1);
            return isNameStart(d) || d == '-' || (d == '\\' && at + 2 < n && !isNewline(css.charAt(at + 2)));
        }
        return c == '\\' && at + 1 < n && !isNewline(css.charAt(at + 1));
    }

    private static boolean endsWithIgnoreCase(String s, String suffix) {
        return Ascii.regionMatchesIgnoreCase(s, s.length() - suffix.length(), suffix, 0, suffix.length());
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    private static boolean isNameChar(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9') || c == '-';
    }

    private static boolean isNewline(char c) {
        return c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || isNewline(c);
    }

    private static boolean isNonPrintable(char c) {
        return (c <= 0x08) || c == 0x0B || (c >= 0x0E && c <= 0x1F) || c == 0x7F;
    }

    private static int hexValue(char c) {
        return Percent.hexValue(c);
    }
}
