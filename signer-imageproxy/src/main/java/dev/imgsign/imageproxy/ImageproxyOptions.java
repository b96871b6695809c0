package dev.imgsign.imageproxy;

import dev.imgsign.peer.go.GoStrconv;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The transformation options of one willnorris/imageproxy request: an immutable value holding every
 * option the server knows.
 *
 * <p>{@link #parse(String)} reads an options string exactly as the server's {@code ParseOptions} does,
 * and {@link #toString()} prints the canonical form the server signs ({@code Options.String}): tokens
 * sorted bytewise, the size always present as {@code {width}x{height}}, numbers printed as Go's
 * {@code %v} prints them ({@code 1e+06}, {@code 0.5}, {@code +Inf}, {@code -0}). Users who build options
 * in code use {@link #builder()}.
 *
 * <p>Two values are equal when every field is equal; doubles compare by their bits after NaN is
 * canonicalised, so {@code -0} width differs from {@code 0} width (the server prints them differently).
 * Crop values of {@code -0} are stored as {@code 0}: the server omits both from the canonical form.
 *
 * @since 0.1.0
 */
public final class ImageproxyOptions {
    /** No options: canonical form {@code 0x0}. */
    public static final ImageproxyOptions NONE = builder().build();

    /** The output formats the server accepts as an option. */
    public enum Format {
        /** {@code jpeg} */
        JPEG("jpeg"),
        /** {@code png} */
        PNG("png"),
        /** {@code tiff} */
        TIFF("tiff");

        private final String token;

        Format(String token) {
            this.token = token;
        }

        /**
         * The option word, e.g. {@code jpeg}.
         *
         * @return the word as written in the options string
         */
        public String token() {
            return token;
        }
    }

    private final double width;
    private final double height;
    private final boolean fit;
    private final long rotate;
    private final boolean flipVertical;
    private final boolean flipHorizontal;
    private final long quality;
    private final String signature;
    private final boolean scaleUp;
    private final Format format;
    private final double cropX;
    private final double cropY;
    private final double cropWidth;
    private final double cropHeight;
    private final boolean smartCrop;
    private final boolean trim;
    private final long validUntil;
    private String canonicalUnsigned; // computed on demand; racy caching of an immutable result is safe

    private ImageproxyOptions(Builder b) {
        this.width = b.width;
        this.height = b.height;
        this.fit = b.fit;
        this.rotate = b.rotate;
        this.flipVertical = b.flipVertical;
        this.flipHorizontal = b.flipHorizontal;
        this.quality = b.quality;
        this.signature = b.signature;
        this.scaleUp = b.scaleUp;
        this.format = b.format;
        this.cropX = positiveZero(b.cropX);
        this.cropY = positiveZero(b.cropY);
        this.cropWidth = positiveZero(b.cropWidth);
        this.cropHeight = positiveZero(b.cropHeight);
        this.smartCrop = b.smartCrop;
        this.trim = b.trim;
        this.validUntil = b.validUntil;
    }

    /**
     * The options parsed from {@code s[from, to)}, token by token in place (no builder, no substring per
     * token unless its value is kept or unusual); {@link #parseByTokens} is the reference.
     */
    private ImageproxyOptions(String s, int from, int to) {
        double width = 0;
        double height = 0;
        boolean fit = false;
        long rotate = 0;
        boolean flipVertical = false;
        boolean flipHorizontal = false;
        long quality = 0;
        String signature = "";
        boolean scaleUp = false;
        Format format = null;
        double cropX = 0;
        double cropY = 0;
        double cropWidth = 0;
        double cropHeight = 0;
        boolean smartCrop = false;
        boolean trim = false;
        long validUntil = 0;
        for (int start = from, end; start <= to; start = end + 1) {
            int comma = s.indexOf(',', start);
            end = comma < 0 || comma > to ? to : comma;
            int n = end - start;
            if (n == 0) {
                continue;
            }
            char first = s.charAt(start);
            char second = n >= 2 ? s.charAt(start + 1) : 0; // not read past the token: the range may be inside a text
            int word = -1;
            if (first == 'f' || first == 's' || first == 'j' || first == 'p' || first == 't') { // the words' initials
                for (int w = 0; w < WORDS.length && word < 0; w++) {
                    if (WORDS[w].length() == n && s.startsWith(WORDS[w], start)) {
                        word = w;
                    }
                }
            }
            switch (word) {
                case 0 -> fit = true;
                case 1 -> flipVertical = true;
                case 2 -> flipHorizontal = true;
                case 3 -> scaleUp = true;
                case 4 -> format = Format.JPEG;
                case 5 -> format = Format.PNG;
                case 6 -> format = Format.TIFF;
                case 7 -> smartCrop = true;
                case 8 -> trim = true;
                default -> {
                    if (first == 'r') {
                        rotate = atoi(s, start + 1, end);
                    } else if (first == 'q') {
                        quality = atoi(s, start + 1, end);
                    } else if (first == 's') {
                        signature = s.substring(start + 1, end);
                    } else if (first == 'c' && second == 'x') {
                        cropX = GoStrconv.parseFloat(s.substring(start + 2, end)).value();
                    } else if (first == 'c' && second == 'y') {
                        cropY = GoStrconv.parseFloat(s.substring(start + 2, end)).value();
                    } else if (first == 'c' && second == 'w') {
                        cropWidth = GoStrconv.parseFloat(s.substring(start + 2, end)).value();
                    } else if (first == 'c' && second == 'h') {
                        cropHeight = GoStrconv.parseFloat(s.substring(start + 2, end)).value();
                    } else if (first == 'v' && second == 'u') {
                        long digits = plainDigits(s, start + 2, end);
                        long v = digits >= 0 ? digits : GoStrconv.parseInt64(s.substring(start + 2, end));
                        if (v > 0) {
                            validUntil = v;
                        }
                    } else {
                        int x = s.indexOf('x', start);
                        if (x >= 0 && x < end) {
                            if (x > start) {
                                width = GoStrconv.floatValue(s, start, x);
                            }
                            if (x < end - 1) {
                                height = GoStrconv.floatValue(s, x + 1, end);
                            }
                        } else {
                            GoStrconv.ParsedFloat size = GoStrconv.parseFloat(s.substring(start, end));
                            if (size.ok()) {
                                width = size.value();
                                height = size.value();
                            }
                        }
                    }
                }
            }
        }
        this.width = width;
        this.height = height;
        this.fit = fit;
        this.rotate = rotate;
        this.flipVertical = flipVertical;
        this.flipHorizontal = flipHorizontal;
        this.quality = quality;
        this.signature = signature;
        this.scaleUp = scaleUp;
        this.format = format;
        this.cropX = positiveZero(cropX);
        this.cropY = positiveZero(cropY);
        this.cropWidth = positiveZero(cropWidth);
        this.cropHeight = positiveZero(cropHeight);
        this.smartCrop = smartCrop;
        this.trim = trim;
        this.validUntil = validUntil;
    }

    private static double positiveZero(double v) {
        return v == 0 ? 0.0 : v;
    }

    /**
     * A builder starting from no options.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from these options.
     *
     * @return a builder holding every option of this object
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.width = width;
        b.height = height;
        b.fit = fit;
        b.rotate = rotate;
        b.flipVertical = flipVertical;
        b.flipHorizontal = flipHorizontal;
        b.quality = quality;
        b.signature = signature;
        b.scaleUp = scaleUp;
        b.format = format;
        b.cropX = cropX;
        b.cropY = cropY;
        b.cropWidth = cropWidth;
        b.cropHeight = cropHeight;
        b.smartCrop = smartCrop;
        b.trim = trim;
        b.validUntil = validUntil;
        return b;
    }

    /**
     * Reads an options string as the server's {@code ParseOptions} does. Never throws: the server never
     * rejects options, it ignores or zeroes what it cannot read ({@code null} reads as no options).
     *
     * <p>Tokens are separated by {@code ,} and applied in order, so a later token overwrites an earlier
     * one. Each token is, tested in this order: empty (ignored); one of the words {@code fit fv fh scaleUp
     * jpeg png tiff sc trim}; a token starting with {@code r} (rotation) or {@code q} (quality), whose rest
     * is read with Go's {@code Atoi} (0 when invalid, the 64-bit limit on overflow); {@code s} (signature:
     * the rest, verbatim); {@code cx cy cw ch} (crop, Go float syntax, 0 when invalid); {@code vu}
     * (valid-until unix seconds, applied only when the rest reads as a positive integer); a token
     * containing a lowercase {@code x} (size, split at the first {@code x}: an empty side keeps its value,
     * an invalid side becomes 0); otherwise a number that sets width and height (ignored unless it is a
     * valid, in-range float). So {@code rx} is rotation 0, {@code scx} a signature "cx", {@code max}
     * width 0, and {@code webp}, {@code gif}, {@code JPEG}, {@code 100X200} are ignored.
     *
     * @param options the comma-separated options segment, may be null
     * @return the options the server would apply
     */
    public static ImageproxyOptions parse(String options) {
        return options == null ? NONE : parse(options, 0, options.length());
    }

    /** {@link #parse(String)} of {@code s[from, to)}, without copying it. */
    static ImageproxyOptions parse(String s, int from, int to) {
        return new ImageproxyOptions(s, from, to);
    }

    /** {@link #parse} token by token through substrings: the reference it is tested against. */
    static ImageproxyOptions parseByTokens(String options) {
        Builder b = new Builder();
        if (options == null) {
            return b.build();
        }
        int start = 0;
        int len = options.length();
        while (start <= len) {
            int comma = options.indexOf(',', start);
            int end = comma < 0 ? len : comma;
            applyToken(b, options.substring(start, end));
            start = end + 1;
        }
        return b.build();
    }

    private static void applyToken(Builder b, String opt) {
        switch (opt) {
            case "":
                return;
            case "fit":
                b.fit = true;
                return;
            case "fv":
                b.flipVertical = true;
                return;
            case "fh":
                b.flipHorizontal = true;
                return;
            case "scaleUp":
                b.scaleUp = true;
                return;
            case "jpeg":
                b.format = Format.JPEG;
                return;
            case "png":
                b.format = Format.PNG;
                return;
            case "tiff":
                b.format = Format.TIFF;
                return;
            case "sc":
                b.smartCrop = true;
                return;
            case "trim":
                b.trim = true;
                return;
            default:
                break;
        }
        if (opt.startsWith("r")) {
            b.rotate = GoStrconv.atoi(opt.substring(1));
        } else if (opt.startsWith("q")) {
            b.quality = GoStrconv.atoi(opt.substring(1));
        } else if (opt.startsWith("s")) {
            b.signature = opt.substring(1);
        } else if (opt.startsWith("cx")) {
            b.cropX = GoStrconv.parseFloat(opt.substring(2)).value();
        } else if (opt.startsWith("cy")) {
            b.cropY = GoStrconv.parseFloat(opt.substring(2)).value();
        } else if (opt.startsWith("cw")) {
            b.cropWidth = GoStrconv.parseFloat(opt.substring(2)).value();
        } else if (opt.startsWith("ch")) {
            b.cropHeight = GoStrconv.parseFloat(opt.substring(2)).value();
        } else if (opt.startsWith("vu")) {
            long v = GoStrconv.parseInt64(opt.substring(2));
            if (v > 0) {
                b.validUntil = v;
            }
        } else {
            int x = opt.indexOf('x');
            if (x >= 0) {
                if (x > 0) {
                    b.width = GoStrconv.floatValue(opt, 0, x);
                }
                if (x < opt.length() - 1) {
                    b.height = GoStrconv.floatValue(opt, x + 1, opt.length());
                }
            } else {
                GoStrconv.ParsedFloat size = GoStrconv.parseFloat(opt);
                if (size.ok()) {
                    b.width = size.value();
                    b.height = size.value();
                }
            }
        }
    }

    /** The words of {@link #parse}, tested before any prefix (so {@code sc} is not a signature). */
    private static final String[] WORDS = {"fit", "fv", "fh", "scaleUp", "jpeg", "png", "tiff", "sc", "trim"};

    /** Go's {@code Atoi} of {@code s[from, to)}; plain digits read in place. */
    private static long atoi(String s, int from, int to) {
        long digits = plainDigits(s, from, to);
        return digits >= 0 ? digits : GoStrconv.atoi(s.substring(from, to));
    }

    /** The value of 1 to 18 ASCII digits {@code s[from, to)} (no overflow possible), or -1 for anything else. */
    private static long plainDigits(String s, int from, int to) {
        if (to <= from || to - from > 18) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /**
     * Requested width: pixels above 1, a fraction of the original between 0 and 1, 0 for "keep ratio".
     *
     * @return the width, or 0 when unset
     */
    public double width() {
        return width;
    }

    /**
     * Requested height, read as {@link #width()}.
     *
     * @return the height, or 0 when unset
     */
    public double height() {
        return height;
    }

    /**
     * {@code fit}: scale to fit inside the size instead of cropping.
     *
     * @return {@code true} if {@code fit} is set
     */
    public boolean fit() {
        return fit;
    }

    /**
     * {@code r}: rotation in degrees counter-clockwise (the server acts on 90, 180, 270).
     *
     * @return the rotation in degrees, or 0 when unset
     */
    public long rotate() {
        return rotate;
    }

    /**
     * {@code fv}: flip vertically.
     *
     * @return {@code true} if {@code fv} is set
     */
    public boolean flipVertical() {
        return flipVertical;
    }

    /**
     * {@code fh}: flip horizontally.
     *
     * @return {@code true} if {@code fh} is set
     */
    public boolean flipHorizontal() {
        return flipHorizontal;
    }

    /**
     * {@code q}: output quality, 0 when unset.
     *
     * @return the quality, or 0 when unset
     */
    public long quality() {
        return quality;
    }

    /**
     * {@code s}: the signature as given, or the empty string.
     *
     * @return the signature text, possibly empty
     */
    public String signature() {
        return signature;
    }

    /**
     * {@code scaleUp}: allow scaling beyond the original size.
     *
     * @return {@code true} if {@code scaleUp} is set
     */
    public boolean scaleUp() {
        return scaleUp;
    }

    /**
     * {@code jpeg}, {@code png} or {@code tiff}: the output format, if requested.
     *
     * @return the requested format, or empty for the source's format
     */
    public Optional<Format> format() {
        return Optional.ofNullable(format);
    }

    /**
     * {@code cx}: crop rectangle x, 0 when unset.
     *
     * @return the x coordinate, or 0
     */
    public double cropX() {
        return cropX;
    }

    /**
     * {@code cy}: crop rectangle y, 0 when unset.
     *
     * @return the y coordinate, or 0
     */
    public double cropY() {
        return cropY;
    }

    /**
     * {@code cw}: crop rectangle width, 0 when unset.
     *
     * @return the width, or 0
     */
    public double cropWidth() {
        return cropWidth;
    }

    /**
     * {@code ch}: crop rectangle height, 0 when unset.
     *
     * @return the height, or 0
     */
    public double cropHeight() {
        return cropHeight;
    }

    /**
     * {@code sc}: content-aware smart crop.
     *
     * @return {@code true} if {@code sc} is set
     */
    public boolean smartCrop() {
        return smartCrop;
    }

    /**
     * {@code trim}: trim edges of uniform colour.
     *
     * @return {@code true} if {@code trim} is set
     */
    public boolean trim() {
        return trim;
    }

    /**
     * {@code vu}: the unix second from which the URL is refused, or 0 when unset.
     *
     * @return the expiry in unix seconds, or 0
     */
    public long validUntil() {
        return validUntil;
    }

    /**
     * {@code vu} as an instant, if set.
     *
     * @return the expiry, or empty when the options carry none
     */
    public Optional<Instant> validUntilInstant() {
        return validUntil == 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(validUntil));
    }

    /**
     * The same options carrying {@code signature} (empty removes it).
     *
     * @param signature the signature text, without the {@code s} prefix
     * @return a copy with that signature
     * @throws IllegalArgumentException if {@code signature} contains {@code ,}
     */
    public ImageproxyOptions withSignature(String signature) {
        return toBuilder().signature(signature).build();
    }

    /**
     * The same options without a signature.
     *
     * @return a copy without {@code s}, or this object when it has none
     */
    public ImageproxyOptions withoutSignature() {
        return signature.isEmpty() ? this : toBuilder().signature("").build();
    }

    /**
     * The canonical form without the signature: what the server puts after {@code #} when it checks a
     * signature over the URL and the options.
     *
     * @return the options text the MAC covers
     */
    public String canonicalWithoutSignature() {
        String c = canonicalUnsigned;
        if (c == null) {
            c = canonical(false);
            canonicalUnsigned = c;
        }
        return c;
    }

    /** The canonical form, signature included: tokens sorted bytewise and joined with {@code ,}. */
    @Override
    public String toString() {
        return signature.isEmpty() ? canonicalWithoutSignature() : canonical(true);
    }

    /**
     * {@code withSignature(signature).toString()} without the intermediate options and token list, for
     * an ASCII signature without {@code ,} (what the signer makes): the token {@code s<signature>} goes
     * before the first canonical token not below it, where the sort would put it.
     */
    String textWithSignature(String signature) {
        if (signature.isEmpty() || !plainSignature(signature)) {
            return withSignature(signature).toString();
        }
        String unsigned = canonicalWithoutSignature();
        int at = signatureTokenAt(unsigned, signature.getBytes(StandardCharsets.ISO_8859_1), 0,
                signature.length());
        StringBuilder b = new StringBuilder(unsigned.length() + signature.length() + 2);
        if (at > unsigned.length()) {
            return b.append(unsigned).append(",s").append(signature).toString();
        }
        return b.append(unsigned, 0, at).append('s').append(signature).append(',')
                .append(unsigned, at, unsigned.length()).toString();
    }

    private static boolean plainSignature(String signature) {
        for (int i = 0; i < signature.length(); i++) {
            char c = signature.charAt(i);
            if (c >= 0x80 || c == ',') {
                return false;
            }
        }
        return true;
    }

    /**
     * Where the token {@code s<signature>} goes in the canonical text {@code unsigned} (ASCII) as the sort
     * puts it: the index of the first token not below it, or {@code unsigned.length() + 1} after the last;
     * the signature is the ASCII bytes {@code signature[from, from + length)} without {@code ,}.
     */
    static int signatureTokenAt(String unsigned, byte[] signature, int from, int length) {
        int at = 0;
        while (at < unsigned.length() && compareToken(unsigned, at, signature, from, length) < 0) {
            int comma = unsigned.indexOf(',', at);
            at = comma < 0 ? unsigned.length() + 1 : comma + 1;
        }
        return at;
    }

    /** {@link #compareCodePoints} of the ASCII token at {@code text[at]} (up to {@code ,}) and {@code s<signature>}. */
    private static int compareToken(String text, int at, byte[] signature, int from, int length) {
        int end = text.indexOf(',', at);
        if (end < 0) {
            end = text.length();
        }
        int n = end - at;
        int m = length + 1;
        for (int k = 0; k < Math.min(n, m); k++) {
            char a = text.charAt(at + k);
            char b = k == 0 ? 's' : (char) signature[from + k - 1];
            if (a != b) {
                return Character.compare(a, b);
            }
        }
        return Integer.compare(n, m);
    }

    /**
     * The canonical text: tokens sorted bytewise and joined by {@code ,}. Without a signature the sorted
     * order is fixed (the size token starts with a digit, sign or {@code N}, all below the lower-case
     * letters the other tokens start with, whose fixed prefixes already sort them), so the tokens are
     * written in that order; {@link #canonicalBySorting} is the reference it is tested against.
     */
    private String canonical(boolean withSignature) {
        if (withSignature && !signature.isEmpty()) {
            return canonicalBySorting(true);
        }
        byte[] b = new byte[writeCanonical(null, 0)];
        writeCanonical(b, 0);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /**
     * Writes the canonical text without signature (ASCII) into {@code out} from {@code at}: the index after
     * it, or -1 when it does not fit (then what was written is garbage). A null {@code out} only counts:
     * {@code writeCanonical(null, 0)} is the text's length.
     */
    int writeCanonical(byte[] out, int at) {
        int i = writeFloat(out, at, width);
        i = writeText(out, i, "x");
        i = writeFloat(out, i, height);
        i = writeFloat(out, i, ",ch", cropHeight);
        i = writeFloat(out, i, ",cw", cropWidth);
        i = writeFloat(out, i, ",cx", cropX);
        i = writeFloat(out, i, ",cy", cropY);
        i = writeFlag(out, i, ",fh", flipHorizontal);
        i = writeFlag(out, i, ",fit", fit);
        i = writeFlag(out, i, ",fv", flipVertical);
        i = writeFlag(out, i, ",jpeg", format == Format.JPEG);
        i = writeFlag(out, i, ",png", format == Format.PNG);
        i = writeLong(out, i, ",q", quality);
        i = writeLong(out, i, ",r", rotate);
        i = writeFlag(out, i, ",sc", smartCrop);
        i = writeFlag(out, i, ",scaleUp", scaleUp);
        i = writeFlag(out, i, ",tiff", format == Format.TIFF);
        i = writeFlag(out, i, ",trim", trim);
        return writeLong(out, i, ",vu", validUntil);
    }

    /** {@code name} and the value, unless the value is 0; -1 stays -1. */
    private static int writeFloat(byte[] out, int at, String name, double value) {
        return value == 0 ? at : writeFloat(out, writeText(out, at, name), value);
    }

    /** {@code GoStrconv.formatFloat(value)}; a small integer without the intermediate string. */
    private static int writeFloat(byte[] out, int at, double value) {
        if (value != 0 && value == Math.rint(value) && Math.abs(value) < 1e6) {
            return writeDecimal(out, at, (long) value);
        }
        return writeText(out, at, GoStrconv.formatFloat(value));
    }

    private static int writeFlag(byte[] out, int at, String name, boolean set) {
        return set ? writeText(out, at, name) : at;
    }

    private static int writeLong(byte[] out, int at, String name, long value) {
        return value == 0 ? at : writeDecimal(out, writeText(out, at, name), value);
    }

    /** {@code Long.toString(value)}, written without the string for values above {@code Long.MIN_VALUE}. */
    private static int writeDecimal(byte[] out, int at, long value) {
        if (value < 0) {
            return value == Long.MIN_VALUE ? writeText(out, at, Long.toString(value))
                    : writeDecimal(out, writeText(out, at, "-"), -value);
        }
        // Counted by comparison and written in int arithmetic where it fits: a long division per digit,
        // twice, was half the time of parse + canonical form.
        int digits = 1;
        for (long power = 10; digits < 19 && value >= power; power *= 10) {
            digits++;
        }
        if (at < 0 || out == null || at + digits > out.length) {
            return at < 0 || out != null ? -1 : at + digits;
        }
        int i = at + digits - 1;
        long rest = value;
        for (; rest > Integer.MAX_VALUE; i--) {
            out[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        for (int small = (int) rest; i >= at; i--) {
            out[i] = (byte) ('0' + small % 10);
            small /= 10;
        }
        return at + digits;
    }

    /** The ASCII {@code text}; -1 when it does not fit or {@code at} is already -1. */
    private static int writeText(byte[] out, int at, String text) {
        int n = text.length();
        if (at < 0 || out == null || at + n > out.length) {
            return at < 0 || out != null ? -1 : at + n;
        }
        for (int i = 0; i < n; i++) {
            out[at + i] = (byte) text.charAt(i);
        }
        return at + n;
    }

    /** The canonical text by building every token and sorting them as Go does. */
    String canonicalBySorting(boolean withSignature) {
        List<String> tokens = new ArrayList<>(8);
        tokens.add(GoStrconv.formatFloat(width) + "x" + GoStrconv.formatFloat(height));
        if (fit) {
            tokens.add("fit");
        }
        if (rotate != 0) {
            tokens.add("r" + rotate);
        }
        if (flipVertical) {
            tokens.add("fv");
        }
        if (flipHorizontal) {
            tokens.add("fh");
        }
        if (quality != 0) {
            tokens.add("q" + quality);
        }
        if (withSignature && !signature.isEmpty()) {
            tokens.add("s" + signature);
        }
        if (scaleUp) {
            tokens.add("scaleUp");
        }
        if (format != null) {
            tokens.add(format.token());
        }
        if (cropX != 0) {
            tokens.add("cx" + GoStrconv.formatFloat(cropX));
        }
        if (cropY != 0) {
            tokens.add("cy" + GoStrconv.formatFloat(cropY));
        }
        if (cropWidth != 0) {
            tokens.add("cw" + GoStrconv.formatFloat(cropWidth));
        }
        if (cropHeight != 0) {
            tokens.add("ch" + GoStrconv.formatFloat(cropHeight));
        }
        if (smartCrop) {
            tokens.add("sc");
        }
        if (trim) {
            tokens.add("trim");
        }
        if (validUntil != 0) {
            tokens.add("vu" + validUntil);
        }
        // Go sorts bytes; for UTF-8 that is code point order, which String.compareTo is not.
        tokens.sort(ImageproxyOptions::compareCodePoints);
        return String.join(",", tokens);
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ImageproxyOptions other)) {
            return false;
        }
        return same(width, other.width) && same(height, other.height) && fit == other.fit
                && rotate == other.rotate && flipVertical == other.flipVertical
                && flipHorizontal == other.flipHorizontal && quality == other.quality
                && signature.equals(other.signature) && scaleUp == other.scaleUp && format == other.format
                && same(cropX, other.cropX) && same(cropY, other.cropY) && same(cropWidth, other.cropWidth)
                && same(cropHeight, other.cropHeight) && smartCrop == other.smartCrop && trim == other.trim
                && validUntil == other.validUntil;
    }

    private static boolean same(double a, double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, fit, rotate, flipVertical, flipHorizontal, quality, signature, scaleUp,
                format, cropX, cropY, cropWidth, cropHeight, smartCrop, trim, validUntil);
    }

    /** Builds options in code. Every setter may be called again; the last call wins. */
    public static final class Builder {
        private double width;
        private double height;
        private boolean fit;
        private long rotate;
        private boolean flipVertical;
        private boolean flipHorizontal;
        private long quality;
        private String signature = "";
        private boolean scaleUp;
        private Format format;
        private double cropX;
        private double cropY;
        private double cropWidth;
        private double cropHeight;
        private boolean smartCrop;
        private boolean trim;
        private long validUntil;

        private Builder() {
        }

        /**
         * Width and height at once, like the {@code 100} and {@code 100x200} options.
         *
         * @param width the width, as for {@link #width(double)}
         * @param height the height, as for {@link #height(double)}
         * @return this builder
         */
        public Builder size(double width, double height) {
            this.width = width;
            this.height = height;
            return this;
        }

        /**
         * Width: pixels, a fraction of the original between 0 and 1, or 0 to keep the aspect ratio.
         *
         * @param width pixels, fraction or 0
         * @return this builder
         */
        public Builder width(double width) {
            this.width = width;
            return this;
        }

        /**
         * Height, read as {@link #width(double)}.
         *
         * @param height pixels, fraction or 0
         * @return this builder
         */
        public Builder height(double height) {
            this.height = height;
            return this;
        }

        /**
         * {@code fit}: scale to fit inside the size instead of cropping to it.
         *
         * @param fit {@code true} to fit instead of crop
         * @return this builder
         */
        public Builder fit(boolean fit) {
            this.fit = fit;
            return this;
        }

        /**
         * {@code r}: degrees counter-clockwise; the server acts on 90, 180 and 270.
         *
         * @param degrees the rotation, counter-clockwise
         * @return this builder
         */
        public Builder rotate(long degrees) {
            this.rotate = degrees;
            return this;
        }

        /**
         * {@code fv}: flip the image vertically.
         *
         * @param flip {@code true} to flip
         * @return this builder
         */
        public Builder flipVertical(boolean flip) {
            this.flipVertical = flip;
            return this;
        }

        /**
         * {@code fh}: flip the image horizontally.
         *
         * @param flip {@code true} to flip
         * @return this builder
         */
        public Builder flipHorizontal(boolean flip) {
            this.flipHorizontal = flip;
            return this;
        }

        /**
         * {@code q}: output quality, 0 for the server's default.
         *
         * @param quality the quality, or 0
         * @return this builder
         */
        public Builder quality(long quality) {
            this.quality = quality;
            return this;
        }

        /**
         * {@code s}: a signature (signers set it themselves). Empty removes it.
         *
         * @param signature the signature text, without the {@code s} prefix; empty for none
         * @return this builder
         * @throws IllegalArgumentException if it contains {@code ,}, which would split it into two options
         */
        public Builder signature(String signature) {
            Objects.requireNonNull(signature, "signature");
            if (signature.indexOf(',') >= 0) {
                throw new IllegalArgumentException("an imageproxy signature cannot contain ','");
            }
            this.signature = signature;
            return this;
        }

        /**
         * {@code scaleUp} (the server overrides it with its own setting when it serves the image).
         *
         * @param scaleUp {@code true} to allow enlarging
         * @return this builder
         */
        public Builder scaleUp(boolean scaleUp) {
            this.scaleUp = scaleUp;
            return this;
        }

        /**
         * {@code jpeg}, {@code png} or {@code tiff}; {@code null} for the source format.
         *
         * @param format the output format, or {@code null} to keep the source's
         * @return this builder
         */
        public Builder format(Format format) {
            this.format = format;
            return this;
        }

        /**
         * {@code cx}: x of the crop rectangle.
         *
         * @param x the rectangle's x, 0 for none
         * @return this builder
         */
        public Builder cropX(double x) {
            this.cropX = x;
            return this;
        }

        /**
         * {@code cy}: y of the crop rectangle.
         *
         * @param y the rectangle's y, 0 for none
         * @return this builder
         */
        public Builder cropY(double y) {
            this.cropY = y;
            return this;
        }

        /**
         * {@code cw}: width of the crop rectangle.
         *
         * @param width the rectangle's width, 0 for none
         * @return this builder
         */
        public Builder cropWidth(double width) {
            this.cropWidth = width;
            return this;
        }

        /**
         * {@code ch}: height of the crop rectangle.
         *
         * @param height the rectangle's height, 0 for none
         * @return this builder
         */
        public Builder cropHeight(double height) {
            this.cropHeight = height;
            return this;
        }

        /**
         * {@code sc}: content-aware smart crop.
         *
         * @param smartCrop {@code true} to crop by content
         * @return this builder
         */
        public Builder smartCrop(boolean smartCrop) {
            this.smartCrop = smartCrop;
            return this;
        }

        /**
         * {@code trim}: trim edges of uniform colour.
         *
         * @param trim {@code true} to trim
         * @return this builder
         */
        public Builder trim(boolean trim) {
            this.trim = trim;
            return this;
        }

        /**
         * {@code vu}: the unix second from which the server refuses the URL; 0 removes it.
         *
         * @param epochSecond the expiry in unix seconds, or 0 for none
         * @return this builder
         * @throws IllegalArgumentException if negative (the server ignores values below 1)
         */
        public Builder validUntil(long epochSecond) {
            if (epochSecond < 0) {
                throw new IllegalArgumentException("vu must be a positive unix time, got " + epochSecond);
            }
            this.validUntil = epochSecond;
            return this;
        }

        /**
         * {@code vu} from an instant, rounded down to the second.
         *
         * @param instant the expiry, after the epoch
         * @return this builder
         * @throws IllegalArgumentException if at or before the epoch
         */
        public Builder validUntil(Instant instant) {
            Objects.requireNonNull(instant, "instant");
            long seconds = instant.getEpochSecond();
            if (seconds <= 0) {
                throw new IllegalArgumentException("vu must be after the unix epoch, got " + instant);
            }
            this.validUntil = seconds;
            return this;
        }

        /**
         * The immutable options.
         *
         * @return options holding this builder's values
         */
        public ImageproxyOptions build() {
            return new ImageproxyOptions(this);
        }
    }
}
