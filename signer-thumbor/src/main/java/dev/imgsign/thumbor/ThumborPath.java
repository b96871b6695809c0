package dev.imgsign.thumbor;

/**
 * thumbor's URL grammar ({@code libthumbor.url.Url.regex()}, matched by tornado against the raw path
 * with {@code $} appended) without a backtracking regex engine.
 *
 * <p>Every group of that regex is optional and the image part {@code .+} takes any non-empty rest, so
 * the regex engine's choice is: for each group in order, its first alternative (in the regex's own
 * preference) that leaves a non-empty rest, else nothing. Each group below applies that rule, in one
 * left-to-right pass. Input is ASCII without control characters (the verifier checks this first), so
 * {@code .} matches every character.
 */
final class ThumborPath {
    /** The raw (still percent-encoded) text of each group; {@code null} where the group did not match. */
    String hash;
    boolean unsafe;
    boolean debug;
    boolean meta;
    String trim;
    String crop;
    String fitIn;
    String dimensions;
    String horizontalAlign;
    String verticalAlign;
    boolean smart;
    String filters;
    String image;

    private final String path;
    private int pos;

    private ThumborPath(String path) {
        this.path = path;
    }

    /** Splits a non-empty raw path the way thumbor's route regex does. */
    static ThumborPath parse(String path) {
        ThumborPath p = new ThumborPath(path);
        p.run();
        return p;
    }

    private void run() {
        int n = path.length();
        if (n > 1 && path.charAt(0) == '/') {
            pos = 1; // "/?"
        }
        // (?:(?P<unsafe>unsafe)|(?P<hash>.+?))/
        if (path.startsWith("unsafe/", pos) && pos + 7 < n) {
            unsafe = true;
            pos += 7;
        } else if (pos + 1 < n) {
            int slash = path.indexOf('/', pos + 1);
            if (slash >= 0 && slash + 1 < n) {
                hash = path.substring(pos, slash);
                pos = slash + 1;
            }
        }
        debug = segment("d", ThumborPath::isDebug) != null;
        meta = segment("m", ThumborPath::isMeta) != null;
        trim = segment("t", ThumborPath::isTrim);
        crop = segment("0123456789", ThumborPath::isCrop);
        fitIn = segment("af", ThumborPath::isFitIn);
        dimensions = segment("-0123456789ox", ThumborPath::isDimensions);
        horizontalAlign = segment("lrc", s -> s.equals("left") || s.equals("right") || s.equals("center"));
        verticalAlign = segment("tbm", s -> s.equals("top") || s.equals("bottom") || s.equals("middle"));
        smart = segment("s", s -> s.equals("smart")) != null;
        filters();
        image = path.substring(pos);
    }

    /**
     * A group {@code (?:token/)?} whose token has no {@code /}: the text up to the next {@code /}.
     * {@code firstChars} lists every character a token can start with, to skip copying the others.
     */
    private String segment(String firstChars, java.util.function.Predicate<String> token) {
        if (pos >= path.length() || firstChars.indexOf(path.charAt(pos)) < 0) {
            return null;
        }
        int slash = path.indexOf('/', pos);
        if (slash < 0 || slash + 1 >= path.length()) {
            return null;
        }
        String s = path.substring(pos, slash);
        if (!token.test(s)) {
            return null;
        }
        pos = slash + 1;
        return s;
    }

    /** {@code (?:filters:(?P<filters>.+?\))/)?}: the shortest text ending in {@code )} then {@code /}. */
    private void filters() {
        if (!path.startsWith("filters:", pos)) {
            return;
        }
        int start = pos + 8;
        int n = path.length();
        for (int k = start + 1; k + 1 < n; k++) {
            if (path.charAt(k) == ')' && path.charAt(k + 1) == '/') {
                if (k + 2 < n) {
                    filters = path.substring(start, k + 1);
                    pos = k + 2;
                }
                return; // a later ")/" would leave an even shorter rest
            }
        }
    }

    private static boolean isDebug(String s) {
        return s.equals("debug");
    }

    private static boolean isMeta(String s) {
        return s.equals("meta");
    }

    /** {@code trim(?::(?:top-left|bottom-right))?(?::\d+)?}. */
    static boolean isTrim(String s) {
        if (!s.startsWith("trim")) {
            return false;
        }
        int i = 4;
        if (s.startsWith(":top-left", i)) {
            i += 9;
        } else if (s.startsWith(":bottom-right", i)) {
            i += 13;
        }
        if (i == s.length()) {
            return true;
        }
        return s.charAt(i) == ':' && digits(s, i + 1) == s.length() && i + 1 < s.length();
    }

    /** {@code \d+x\d+:\d+x\d+}. */
    static boolean isCrop(String s) {
        int i = number(s, 0);
        if (i < 0 || i >= s.length() || s.charAt(i) != 'x') {
            return false;
        }
        i = number(s, i + 1);
        if (i < 0 || i >= s.length() || s.charAt(i) != ':') {
            return false;
        }
        i = number(s, i + 1);
        if (i < 0 || i >= s.length() || s.charAt(i) != 'x') {
            return false;
        }
        return number(s, i + 1) == s.length();
    }

    /** {@code (adaptive-)?(full-)?fit-in}. */
    static boolean isFitIn(String s) {
        return s.equals("fit-in") || s.equals("adaptive-fit-in") || s.equals("full-fit-in")
                || s.equals("adaptive-full-fit-in");
    }

    /** {@code -?(?:\d+|orig)?x-?(?:\d+|orig)?}. */
    static boolean isDimensions(String s) {
        int i = size(s, 0);
        if (i >= s.length() || s.charAt(i) != 'x') {
            return false;
        }
        return size(s, i + 1) == s.length();
    }

    /** After an optional {@code -} and an optional {@code \d+} or {@code orig} from {@code i}: the end index. */
    private static int size(String s, int i) {
        if (i < s.length() && s.charAt(i) == '-') {
            i++;
        }
        if (s.startsWith("orig", i)) {
            return i + 4;
        }
        return digits(s, i);
    }

    /** The end of a run of at least one ASCII digit from {@code i}, or -1. */
    private static int number(String s, int i) {
        int end = digits(s, i);
        return end > i ? end : -1;
    }

    /** The end of a (possibly empty) run of ASCII digits from {@code i}. */
    static int digits(String s, int i) {
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }
}
