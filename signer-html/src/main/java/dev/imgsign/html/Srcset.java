package dev.imgsign.html;

import java.util.ArrayList;
import java.util.List;

/**
 * The HTML standard's "parse a srcset attribute" candidate splitting, keeping positions so that URLs
 * can be replaced in place and everything else (descriptors, spacing) stays as written. Descriptors
 * are not validated: a candidate the browser would ignore for a bad descriptor is still rewritten,
 * which is harmless. Linear in the attribute's length.
 */
final class Srcset {
    private Srcset() {
    }

    /** One image candidate: its URL is {@code value[urlStart, urlEnd)}; it ends at {@code end} (past its comma). */
    static final class Candidate {
        final int urlStart;
        final int urlEnd;
        final int end;
        final String descriptor;

        Candidate(int urlStart, int urlEnd, int end, String descriptor) {
            this.urlStart = urlStart;
            this.urlEnd = urlEnd;
            this.end = end;
            this.descriptor = descriptor;
        }
    }

    static List<Candidate> parse(String value) {
        List<Candidate> candidates = new ArrayList<>();
        int n = value.length();
        int pos = 0;
        while (true) {
            while (pos < n && (isSpace(value.charAt(pos)) || value.charAt(pos) == ',')) {
                pos++;
            }
            if (pos >= n) {
                return candidates;
            }
            int urlStart = pos;
            while (pos < n && !isSpace(value.charAt(pos))) {
                pos++;
            }
            int urlEnd = pos;
            String descriptor = "";
            if (value.charAt(urlEnd - 1) == ',') {
                while (urlEnd > urlStart && value.charAt(urlEnd - 1) == ',') {
                    urlEnd--;
                }
            } else {
                StringBuilder descriptors = new StringBuilder();
                pos = tokenizeDescriptors(value, pos, descriptors);
                descriptor = descriptors.toString();
            }
            if (urlEnd > urlStart) {
                candidates.add(new Candidate(urlStart, urlEnd, pos, descriptor));
            }
        }
    }

    /**
     * The descriptor tokenizer: appends the descriptors found from {@code pos} to {@code out}
     * (separated by one space) and returns the position after the candidate (after its comma).
     */
    private static int tokenizeDescriptors(String value, int pos, StringBuilder out) {
        int n = value.length();
        while (pos < n && isSpace(value.charAt(pos))) {
            pos++;
        }
        int descriptorStart = -1;
        boolean inParens = false;
        for (; pos < n; pos++) {
            char c = value.charAt(pos);
            if (inParens) {
                if (c == ')') {
                    inParens = false;
                }
                continue;
            }
            if (isSpace(c)) {
                if (descriptorStart >= 0) {
                    append(out, value, descriptorStart, pos);
                    descriptorStart = -1;
                }
            } else if (c == ',') {
                if (descriptorStart >= 0) {
                    append(out, value, descriptorStart, pos);
                }
                return pos + 1;
            } else {
                if (descriptorStart < 0) {
                    descriptorStart = pos;
                }
                if (c == '(') {
                    inParens = true;
                }
            }
        }
        if (descriptorStart >= 0) {
            append(out, value, descriptorStart, n);
        }
        return n;
    }

    private static void append(StringBuilder out, String value, int from, int to) {
        if (out.length() > 0) {
            out.append(' ');
        }
        out.append(value, from, to);
    }

    /** ASCII whitespace as the HTML standard defines it. */
    static boolean isSpace(char c) {
        return ImageRef.isHtmlSpace(c);
    }
}
