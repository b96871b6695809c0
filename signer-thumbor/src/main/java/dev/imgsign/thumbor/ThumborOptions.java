package dev.imgsign.thumbor;

import java.util.Objects;

/**
 * The image operations of a thumbor URL, in the server's grammar and URL order:
 * {@code debug/ meta/ trim[:position][:tolerance]/ AxB:CxD/ [adaptive-][full-]fit-in/ [-]Wx[-]H/
 * halign/ valign/ smart/ filters:name(args):…/} then the image URL.
 *
 * <p>Build one with {@link #builder()}; {@link ThumborVerifier} returns the options it parsed. Two
 * option sets are equal when every component is; forms the server reads alike (an explicit
 * {@code center}, a {@code 0} width) compare equal.
 *
 * @param debug {@code debug/}: thumbor draws its detection results
 * @param meta {@code meta/}: thumbor answers JSON metadata instead of the image
 * @param trim {@code trim/}: remove surrounding space of one colour
 * @param trimPosition where {@code trim} samples the colour, or {@code null} when the URL does not say
 *     (thumbor then uses top-left)
 * @param trimTolerance the colour tolerance of {@code trim}, or -1 when the URL does not say
 * @param crop the manual crop {@code left x top : right x bottom}, or {@code null}
 * @param fitIn the fit-in mode
 * @param width the target width: pixels, 0 for proportional, or {@link #ORIGINAL}
 * @param height the target height: pixels, 0 for proportional, or {@link #ORIGINAL}
 * @param flipHorizontally a {@code -} before the width
 * @param flipVertically a {@code -} before the height
 * @param horizontalAlign the horizontal alignment of the crop
 * @param verticalAlign the vertical alignment of the crop
 * @param smart {@code smart/}: focal-point detection
 * @param filters the filter chain without the {@code filters:} prefix, {@code name(args):name(args)},
 *     empty for none; in a verified request it is percent-decoded once, as thumbor reads it
 */
public record ThumborOptions(boolean debug, boolean meta, boolean trim, TrimPosition trimPosition,
        int trimTolerance, Crop crop, FitIn fitIn, int width, int height, boolean flipHorizontally,
        boolean flipVertically, HorizontalAlign horizontalAlign, VerticalAlign verticalAlign, boolean smart,
        String filters) {

    /** A width or height of {@code orig}: the source image's own size. */
    public static final int ORIGINAL = -1;

    /** No options at all: the image as it is. */
    public static final ThumborOptions NONE = builder().build();

    /** Checks the components; {@code IllegalArgumentException} names the first bad one. */
    public ThumborOptions {
        Objects.requireNonNull(fitIn, "fitIn");
        Objects.requireNonNull(horizontalAlign, "horizontalAlign");
        Objects.requireNonNull(verticalAlign, "verticalAlign");
        Objects.requireNonNull(filters, "filters");
        if (!trim && (trimPosition != null || trimTolerance != -1)) {
            throw new IllegalArgumentException("trimPosition/trimTolerance given without trim");
        }
        if (trimTolerance < -1) {
            throw new IllegalArgumentException("trimTolerance must be >= 0 (or -1 for none), got " + trimTolerance);
        }
        if (width < ORIGINAL) {
            throw new IllegalArgumentException("width must be >= 0 or ORIGINAL, got " + width);
        }
        if (height < ORIGINAL) {
            throw new IllegalArgumentException("height must be >= 0 or ORIGINAL, got " + height);
        }
    }

    /** A builder starting from no options. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.debug = debug;
        b.meta = meta;
        b.trim = trim;
        b.trimPosition = trimPosition;
        b.trimTolerance = trimTolerance;
        b.crop = crop;
        b.fitIn = fitIn;
        b.width = width;
        b.height = height;
        b.flipHorizontally = flipHorizontally;
        b.flipVertically = flipVertically;
        b.horizontalAlign = horizontalAlign;
        b.verticalAlign = verticalAlign;
        b.smart = smart;
        b.filters.append(filters);
        return b;
    }

    /** Whether the URL carries a {@code WxH} segment: a size, a flip or {@code orig}. */
    public boolean hasDimensions() {
        return width != 0 || height != 0 || flipHorizontally || flipVertically;
    }

    /**
     * The option segments as the signer writes them, each followed by {@code /} (empty for
     * {@link #NONE}). Filter text is written as given; the signer escapes it.
     */
    String toPathPrefix() {
        StringBuilder out = new StringBuilder(32);
        if (debug) {
            out.append("debug/");
        }
        if (meta) {
            out.append("meta/");
        }
        if (trim) {
            out.append("trim");
            if (trimPosition != null) {
                out.append(':').append(trimPosition.token());
            }
            if (trimTolerance >= 0) {
                out.append(':').append(trimTolerance);
            }
            out.append('/');
        }
        if (crop != null) {
            out.append(crop.left()).append('x').append(crop.top()).append(':')
                    .append(crop.right()).append('x').append(crop.bottom()).append('/');
        }
        if (fitIn != FitIn.NONE) {
            out.append(fitIn.token()).append('/');
        }
        if (hasDimensions()) {
            if (flipHorizontally) {
                out.append('-');
            }
            appendSize(out, width);
            out.append('x');
            if (flipVertically) {
                out.append('-');
            }
            appendSize(out, height);
            out.append('/');
        }
        if (horizontalAlign != HorizontalAlign.CENTER) {
            out.append(horizontalAlign.token()).append('/');
        }
        if (verticalAlign != VerticalAlign.MIDDLE) {
            out.append(verticalAlign.token()).append('/');
        }
        if (smart) {
            out.append("smart/");
        }
        return out.toString();
    }

    private static void appendSize(StringBuilder out, int size) {
        if (size == ORIGINAL) {
            out.append("orig");
        } else {
            out.append(size);
        }
    }

    /** Where {@code trim} samples the colour to remove. */
    public enum TrimPosition {
        /** {@code trim:top-left}. */
        TOP_LEFT("top-left"),
        /** {@code trim:bottom-right}. */
        BOTTOM_RIGHT("bottom-right");

        private final String token;

        TrimPosition(String token) {
            this.token = token;
        }

        /** The URL text. */
        public String token() {
            return token;
        }
    }

    /** The fit-in segment. */
    public enum FitIn {
        /** No fit-in segment. */
        NONE(""),
        /** {@code fit-in}. */
        FIT_IN("fit-in"),
        /** {@code adaptive-fit-in}. */
        ADAPTIVE_FIT_IN("adaptive-fit-in"),
        /** {@code full-fit-in}. */
        FULL_FIT_IN("full-fit-in"),
        /** {@code adaptive-full-fit-in}. */
        ADAPTIVE_FULL_FIT_IN("adaptive-full-fit-in");

        private final String token;

        FitIn(String token) {
            this.token = token;
        }

        /** The URL text (empty for {@link #NONE}). */
        public String token() {
            return token;
        }
    }

    /** {@code left}, {@code center} (the default, not written) or {@code right}. */
    public enum HorizontalAlign {
        /** {@code left}. */
        LEFT("left"),
        /** {@code center}, thumbor's default. */
        CENTER("center"),
        /** {@code right}. */
        RIGHT("right");

        private final String token;

        HorizontalAlign(String token) {
            this.token = token;
        }

        /** The URL text. */
        public String token() {
            return token;
        }
    }

    /** {@code top}, {@code middle} (the default, not written) or {@code bottom}. */
    public enum VerticalAlign {
        /** {@code top}. */
        TOP("top"),
        /** {@code middle}, thumbor's default. */
        MIDDLE("middle"),
        /** {@code bottom}. */
        BOTTOM("bottom");

        private final String token;

        VerticalAlign(String token) {
            this.token = token;
        }

        /** The URL text. */
        public String token() {
            return token;
        }
    }

    /**
     * A manual crop, in source-image pixels.
     *
     * @param left left edge
     * @param top top edge
     * @param right right edge
     * @param bottom bottom edge
     */
    public record Crop(int left, int top, int right, int bottom) {
        /** Checks that no edge is negative. */
        public Crop {
            if (left < 0 || top < 0 || right < 0 || bottom < 0) {
                throw new IllegalArgumentException("crop edges must be >= 0, got " + left + "x" + top + ":"
                        + right + "x" + bottom);
            }
        }
    }

    /** Configures {@link ThumborOptions}. Not thread-safe. */
    public static final class Builder {
        private boolean debug;
        private boolean meta;
        private boolean trim;
        private TrimPosition trimPosition;
        private int trimTolerance = -1;
        private Crop crop;
        private FitIn fitIn = FitIn.NONE;
        private int width;
        private int height;
        private boolean flipHorizontally;
        private boolean flipVertically;
        private HorizontalAlign horizontalAlign = HorizontalAlign.CENTER;
        private VerticalAlign verticalAlign = VerticalAlign.MIDDLE;
        private boolean smart;
        private final StringBuilder filters = new StringBuilder();

        private Builder() {
        }

        /** {@code debug/}. */
        public Builder debug(boolean debug) {
            this.debug = debug;
            return this;
        }

        /** {@code meta/}: JSON metadata instead of the image. */
        public Builder meta(boolean meta) {
            this.meta = meta;
            return this;
        }

        /** {@code trim/} with thumbor's defaults. */
        public Builder trim() {
            this.trim = true;
            this.trimPosition = null;
            this.trimTolerance = -1;
            return this;
        }

        /**
         * {@code trim:position:tolerance/}.
         *
         * @param position where to sample, or {@code null} to leave it out
         * @param tolerance colour tolerance, or -1 to leave it out
         */
        public Builder trim(TrimPosition position, int tolerance) {
            if (tolerance < -1) {
                throw new IllegalArgumentException("trim tolerance must be >= 0 (or -1 for none), got " + tolerance);
            }
            this.trim = true;
            this.trimPosition = position;
            this.trimTolerance = tolerance;
            return this;
        }

        /** {@code AxB:CxD/}: crop the source to the box from (left, top) to (right, bottom) first. */
        public Builder crop(int left, int top, int right, int bottom) {
            this.crop = new Crop(left, top, right, bottom);
            return this;
        }

        /** The fit-in mode; default {@link FitIn#NONE}. */
        public Builder fitIn(FitIn fitIn) {
            this.fitIn = Objects.requireNonNull(fitIn, "fitIn");
            return this;
        }

        /** Target size in pixels; 0 keeps the proportion, {@link ThumborOptions#ORIGINAL} the source size. */
        public Builder size(int width, int height) {
            if (width < ORIGINAL) {
                throw new IllegalArgumentException("width must be >= 0 or ORIGINAL, got " + width);
            }
            if (height < ORIGINAL) {
                throw new IllegalArgumentException("height must be >= 0 or ORIGINAL, got " + height);
            }
            this.width = width;
            this.height = height;
            return this;
        }

        /** Mirror left to right (a {@code -} before the width). */
        public Builder flipHorizontally(boolean flip) {
            this.flipHorizontally = flip;
            return this;
        }

        /** Mirror top to bottom (a {@code -} before the height). */
        public Builder flipVertically(boolean flip) {
            this.flipVertically = flip;
            return this;
        }

        /** Horizontal alignment; default {@link HorizontalAlign#CENTER}. */
        public Builder horizontalAlign(HorizontalAlign align) {
            this.horizontalAlign = Objects.requireNonNull(align, "horizontalAlign");
            return this;
        }

        /** Vertical alignment; default {@link VerticalAlign#MIDDLE}. */
        public Builder verticalAlign(VerticalAlign align) {
            this.verticalAlign = Objects.requireNonNull(align, "verticalAlign");
            return this;
        }

        /** {@code smart/}: focal-point detection. */
        public Builder smart(boolean smart) {
            this.smart = smart;
            return this;
        }

        /**
         * Appends the filter {@code name(arg,arg,…)}, for example {@code filter("quality", "80")}.
         *
         * @throws IllegalArgumentException if {@code name} is not a filter name ({@code [A-Za-z0-9_]+})
         */
        public Builder filter(String name, String... args) {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("filter name is empty");
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                    throw new IllegalArgumentException("filter name must be [A-Za-z0-9_]+, got \"" + name + '"');
                }
            }
            if (filters.length() > 0) {
                filters.append(':');
            }
            filters.append(name).append('(');
            for (int i = 0; i < args.length; i++) {
                if (i > 0) {
                    filters.append(',');
                }
                filters.append(Objects.requireNonNull(args[i], "filter argument"));
            }
            filters.append(')');
            return this;
        }

        /** Replaces the whole filter chain with {@code chain} ({@code name(args):name(args)}, or empty). */
        public Builder filters(String chain) {
            Objects.requireNonNull(chain, "filters");
            filters.setLength(0);
            filters.append(chain);
            return this;
        }

        /** The options. */
        public ThumborOptions build() {
            return new ThumborOptions(debug, meta, trim, trimPosition, trimTolerance, crop, fitIn, width, height,
                    flipHorizontally, flipVertically, horizontalAlign, verticalAlign, smart, filters.toString());
        }
    }
}
