package dev.imgsign.imgproxy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Processing options: the {@code name:arg:arg} path segments before the source URL, in URL order.
 *
 * <p>Build them with the typed {@link Builder} (resize, size, width, height, gravity, enlarge, extend,
 * quality, format, dpr and a few more) or pass any segment through {@link Builder#raw(String)}. The server
 * never percent-decodes an option, and rewrites {@code %3A} to {@code :} before the signature check, so
 * a value can only carry characters that reach it verbatim: letters, digits and
 * {@code -._~!$&'()*+,;=:@}. The builder refuses anything else (a space, {@code %}, {@code /},
 * {@code ?}, {@code #}, non-ASCII) with an {@link IllegalArgumentException}, where imgproxy's Node
 * builder emits a URL the server rejects. Text options the server reads as base64 (watermark text,
 * URLs) must be given base64url-encoded, as the server expects them.
 *
 * <p>Options a {@link ImgproxyVerifier} read from a request are whatever the server would read, and may
 * hold characters the builder refuses; a signer refuses to sign those. Immutable; equal when the segments
 * are.
 */
public final class ImgproxyOptions {
    private static final ImgproxyOptions NONE = new ImgproxyOptions(List.of());

    private final List<String> segments;

    private ImgproxyOptions(List<String> segments) {
        this.segments = segments;
    }

    /** No processing options: the server's defaults. */
    public static ImgproxyOptions none() {
        return NONE;
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Segments as the server split them; not validated (the verifier's view). */
    static ImgproxyOptions ofServerSegments(List<String> segments) {
        return segments.isEmpty() ? NONE : new ImgproxyOptions(List.copyOf(segments));
    }

    /** The segments in URL order, unmodifiable. */
    public List<String> segments() {
        return segments;
    }

    /** Whether every segment is one the builder accepts, so that a signer can emit it. */
    boolean signable() {
        for (String s : segments) {
            if (segmentProblem(s) != null) {
                return false;
            }
        }
        return true;
    }

    /** The segments joined with {@code /}, as they appear in the URL. */
    @Override
    public String toString() {
        return String.join("/", segments);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImgproxyOptions other && segments.equals(other.segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    /** Why {@code segment} cannot be emitted, or {@code null} if it can. */
    static String segmentProblem(String segment) {
        int colon = segment.indexOf(':');
        if (colon < 0) {
            return "has no ':' (the server would read it as the source URL)";
        }
        if (colon == 0) {
            return "has no option name before ':'";
        }
        for (int i = 0; i < segment.length(); i++) {
            if (!isOptionChar(segment.charAt(i))) {
                return "contains " + describe(segment.charAt(i))
                        + ", which the server cannot receive verbatim in an option";
            }
        }
        return null;
    }

    static boolean isOptionChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=:@".indexOf(c) >= 0;
    }

    private static String describe(char c) {
        return c > 0x20 && c < 0x7f ? "'" + c + "'" : String.format(Locale.ROOT, "U+%04X", (int) c);
    }

    /** How {@code rs}/{@code rt} fit the image into the requested size. */
    public enum ResizingType {
        /** Keeps the aspect ratio, fits inside. */
        FIT("fit"),
        /** Keeps the aspect ratio, fills and crops. */
        FILL("fill"),
        /** As {@link #FILL}, but never enlarges past the source. */
        FILL_DOWN("fill-down"),
        /** Ignores the aspect ratio. */
        FORCE("force"),
        /** {@link #FILL} when orientations match, else {@link #FIT}. */
        AUTO("auto");

        private final String value;

        ResizingType(String value) {
            this.value = value;
        }

        /** The value as written in the URL. */
        public String value() {
            return value;
        }
    }

    /** Gravity types ({@code g}, {@code ex}). */
    public enum Gravity {
        /** Top edge. */
        NORTH("no"),
        /** Bottom edge. */
        SOUTH("so"),
        /** Right edge. */
        EAST("ea"),
        /** Left edge. */
        WEST("we"),
        /** Top-right corner. */
        NORTH_EAST("noea"),
        /** Top-left corner. */
        NORTH_WEST("nowe"),
        /** Bottom-right corner. */
        SOUTH_EAST("soea"),
        /** Bottom-left corner. */
        SOUTH_WEST("sowe"),
        /** Centre. */
        CENTER("ce"),
        /** Smart (libvips attention); takes no offsets. */
        SMART("sm");

        private final String value;

        Gravity(String value) {
            this.value = value;
        }

        /** The value as written in the URL. */
        public String value() {
            return value;
        }
    }

    /** Collects segments in call order; each typed method appends one segment. Not thread-safe. */
    public static final class Builder {
        private final List<String> segments = new ArrayList<>();

        private Builder() {
        }

        /** {@code rs:%type:%width:%height}; 0 means "from the other side". */
        public Builder resize(ResizingType type, int width, int height) {
            Objects.requireNonNull(type, "type");
            return add("rs:" + type.value() + ":" + nonNegative("width", width) + ":" + nonNegative("height", height));
        }

        /** {@code s:%width:%height}. */
        public Builder size(int width, int height) {
            return add("s:" + nonNegative("width", width) + ":" + nonNegative("height", height));
        }

        /** {@code rt:%type}. */
        public Builder resizingType(ResizingType type) {
            Objects.requireNonNull(type, "type");
            return add("rt:" + type.value());
        }

        /** {@code w:%width}. */
        public Builder width(int width) {
            return add("w:" + nonNegative("width", width));
        }

        /** {@code h:%height}. */
        public Builder height(int height) {
            return add("h:" + nonNegative("height", height));
        }

        /** {@code g:%type}. */
        public Builder gravity(Gravity gravity) {
            Objects.requireNonNull(gravity, "gravity");
            return add("g:" + gravity.value());
        }

        /** {@code g:%type:%x_offset:%y_offset}; not for {@link Gravity#SMART}. */
        public Builder gravity(Gravity gravity, double xOffset, double yOffset) {
            Objects.requireNonNull(gravity, "gravity");
            if (gravity == Gravity.SMART) {
                throw new IllegalArgumentException("gravity sm takes no offsets");
            }
            return add("g:" + gravity.value() + ":" + number("xOffset", xOffset) + ":" + number("yOffset", yOffset));
        }

        /** {@code g:fp:%x:%y}, a focus point; both coordinates within 0..1. */
        public Builder focusPoint(double x, double y) {
            return add("g:fp:" + unit("x", x) + ":" + unit("y", y));
        }

        /** {@code el:1} or {@code el:0}. */
        public Builder enlarge(boolean enlarge) {
            return add("el:" + (enlarge ? "1" : "0"));
        }

        /** {@code ex:1} or {@code ex:0}. */
        public Builder extend(boolean extend) {
            return add("ex:" + (extend ? "1" : "0"));
        }

        /** {@code ex:%extend:%gravity}; not {@link Gravity#SMART}, which the server refuses here. */
        public Builder extend(boolean extend, Gravity gravity) {
            Objects.requireNonNull(gravity, "gravity");
            if (gravity == Gravity.SMART) {
                throw new IllegalArgumentException("extend does not take gravity sm");
            }
            return add("ex:" + (extend ? "1" : "0") + ":" + gravity.value());
        }

        /** {@code q:%quality}, 0..100 (0: the server's default). */
        public Builder quality(int quality) {
            if (quality < 0 || quality > 100) {
                throw new IllegalArgumentException("quality must be within 0..100, got " + quality);
            }
            return add("q:" + quality);
        }

        /** {@code f:%extension}, for example {@code webp}; letters and digits only. */
        public Builder format(String extension) {
            return add("f:" + ImgproxySigner.requireExtension("format", extension));
        }

        /** {@code dpr:%dpr}, greater than 0. */
        public Builder dpr(double dpr) {
            if (!(dpr > 0) || Double.isInfinite(dpr)) {
                throw new IllegalArgumentException("dpr must be a finite number greater than 0, got " + dpr);
            }
            return add("dpr:" + number("dpr", dpr));
        }

        /** {@code bl:%sigma}, 0 or more. */
        public Builder blur(double sigma) {
            return add("bl:" + number("sigma", nonNegative("sigma", sigma)));
        }

        /** {@code sh:%sigma}, 0 or more. */
        public Builder sharpen(double sigma) {
            return add("sh:" + number("sigma", nonNegative("sigma", sigma)));
        }

        /** {@code rot:%angle}, a multiple of 90. */
        public Builder rotate(int angle) {
            if (angle % 90 != 0) {
                throw new IllegalArgumentException("rotate angle must be a multiple of 90, got " + angle);
            }
            return add("rot:" + angle);
        }

        /** {@code bg:%hex}, an {@code RRGGBB} colour. */
        public Builder background(String hexColor) {
            Objects.requireNonNull(hexColor, "hexColor");
            if (hexColor.length() != 6 || !hexColor.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 0x80)) {
                throw new IllegalArgumentException("background must be 6 hex digits (RRGGBB)");
            }
            return add("bg:" + hexColor);
        }

        /** {@code ar:1} or {@code ar:0}: rotate by the EXIF orientation. */
        public Builder autoRotate(boolean autoRotate) {
            return add("ar:" + (autoRotate ? "1" : "0"));
        }

        /** {@code sm:1} or {@code sm:0}: strip metadata. */
        public Builder stripMetadata(boolean strip) {
            return add("sm:" + (strip ? "1" : "0"));
        }

        /** {@code cb:%value}: a cache buster, option characters only (see the class comment). */
        public Builder cacheBuster(String value) {
            return add("cb:" + Objects.requireNonNull(value, "value"));
        }

        /** {@code pr:%name}: a preset configured on the server. */
        public Builder preset(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("preset name is empty");
            }
            return add("pr:" + name);
        }

        /**
         * Any option segment verbatim, for example {@code "pd:10:20"} or {@code "wm:0.5:ce"}: it must have
         * a name, a {@code :}, and option characters only (see the class comment).
         *
         * @throws IllegalArgumentException naming the problem
         */
        public Builder raw(String segment) {
            return add(Objects.requireNonNull(segment, "segment"));
        }

        /** The options. */
        public ImgproxyOptions build() {
            return segments.isEmpty() ? NONE : new ImgproxyOptions(List.copyOf(segments));
        }

        private Builder add(String segment) {
            String problem = segmentProblem(segment);
            if (problem != null) {
                throw new IllegalArgumentException("option segment '" + printable(segment) + "' " + problem);
            }
            segments.add(segment);
            return this;
        }

        private static String printable(String s) {
            StringBuilder sb = new StringBuilder();
            s.codePoints().limit(80).forEach(c -> {
                if (c > 0x20 && c < 0x7f) {
                    sb.append((char) c);
                } else {
                    sb.append(String.format(Locale.ROOT, "\\u{%X}", c));
                }
            });
            return sb.toString();
        }

        private static int nonNegative(String name, int value) {
            if (value < 0) {
                throw new IllegalArgumentException(name + " must be 0 or more, got " + value);
            }
            return value;
        }

        private static double nonNegative(String name, double value) {
            if (!(value >= 0)) {
                throw new IllegalArgumentException(name + " must be 0 or more, got " + value);
            }
            return value;
        }

        private static String unit(String name, double value) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException(name + " must be within 0..1, got " + value);
            }
            return number(name, value);
        }

        /** Plain decimal notation, which Go's {@code strconv.ParseFloat} reads back exactly. */
        private static String number(String name, double value) {
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new IllegalArgumentException(name + " must be a finite number, got " + value);
            }
            if (value == 0) {
                return "0";
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
