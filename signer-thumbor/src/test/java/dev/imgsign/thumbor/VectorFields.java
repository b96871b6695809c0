package dev.imgsign.thumbor;

import dev.imgsign.core.KeySet;
import dev.imgsign.thumbor.ThumborOptions.FitIn;
import dev.imgsign.thumbor.ThumborOptions.HorizontalAlign;
import dev.imgsign.thumbor.ThumborOptions.TrimPosition;
import dev.imgsign.thumbor.ThumborOptions.VerticalAlign;
import dev.imgsign.vectors.TestVectors.Vector;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Reads thumbor.json's option fields (the server's reading of a URL) into {@link ThumborOptions}. */
final class VectorFields {
    private VectorFields() {
    }

    static KeySet keys(Vector v) {
        return KeySet.ofUtf8(v.get("key"));
    }

    static ThumborVerifier verifier(Vector v) {
        String allowed = v.find("allowedSources").orElse("");
        return ThumborVerifier.builder(keys(v))
                .allowUnsafe(Boolean.parseBoolean(v.find("allowUnsafe").orElse("false")))
                .allowedSources(allowed.isEmpty() ? List.of() : Arrays.asList(allowed.split(",")))
                .build();
    }

    /** The options the server read; crop {@code 0,0,0,0} (the server's "none") becomes no crop. */
    static ThumborOptions options(Vector v) {
        ThumborOptions.Builder b = ThumborOptions.builder()
                .debug(Boolean.parseBoolean(v.get("debug")))
                .meta(Boolean.parseBoolean(v.get("meta")))
                .smart(Boolean.parseBoolean(v.get("smart")))
                .size(size(v.get("width")), size(v.get("height")))
                .flipHorizontally(Boolean.parseBoolean(v.get("flipHorizontally")))
                .flipVertically(Boolean.parseBoolean(v.get("flipVertically")))
                .horizontalAlign(HorizontalAlign.valueOf(v.get("horizontalAlign").toUpperCase(Locale.ROOT)))
                .verticalAlign(VerticalAlign.valueOf(v.get("verticalAlign").toUpperCase(Locale.ROOT)))
                .filters(v.get("filters"));
        String[] crop = v.get("crop").split(",");
        if (!v.get("crop").equals("0,0,0,0")) {
            b.crop(Integer.parseInt(crop[0]), Integer.parseInt(crop[1]), Integer.parseInt(crop[2]),
                    Integer.parseInt(crop[3]));
        }
        String fit = v.get("fitIn");
        for (FitIn f : FitIn.values()) {
            if (f.token().equals(fit)) {
                b.fitIn(f);
            }
        }
        String trim = v.get("trim");
        if (!trim.isEmpty()) {
            TrimPosition position = null;
            int tolerance = -1;
            String[] parts = trim.split(":");
            for (int i = 1; i < parts.length; i++) {
                if (parts[i].equals("top-left")) {
                    position = TrimPosition.TOP_LEFT;
                } else if (parts[i].equals("bottom-right")) {
                    position = TrimPosition.BOTTOM_RIGHT;
                } else {
                    tolerance = Integer.parseInt(parts[i]);
                }
            }
            b.trim(position, tolerance);
        }
        return b.build();
    }

    /** Options compared as the server reads them: an all-zero crop is no crop. */
    static ThumborOptions normalized(ThumborOptions o) {
        ThumborOptions.Crop c = o.crop();
        if (c != null && c.left() == 0 && c.top() == 0 && c.right() == 0 && c.bottom() == 0) {
            return new ThumborOptions(o.debug(), o.meta(), o.trim(), o.trimPosition(), o.trimTolerance(), null,
                    o.fitIn(), o.width(), o.height(), o.flipHorizontally(), o.flipVertically(), o.horizontalAlign(),
                    o.verticalAlign(), o.smart(), o.filters());
        }
        return o;
    }

    private static int size(String s) {
        return s.equals("orig") ? ThumborOptions.ORIGINAL : Integer.parseInt(s);
    }
}
