package dev.imgsign.camo;

import dev.imgsign.core.internal.Ascii;
import dev.imgsign.core.internal.Settings;


/**
 * Which real Camo server a {@link CamoVerifier} behaves like.
 *
 * @since 0.1.0
 */
public enum CamoDialect {
    /** cactus/go-camo: hex or base64 path format, codec chosen by digest length; the default. */
    GO_CAMO(true, true, false),
    /**
     * atmos/camo (Node): lowercase hex path format, or the query format; every failure answered 404, except
     * a raw control character or space in the request target, which Node's HTTP parser answers with 400.
     */
    ATMOS_CAMO(true, false, true);

    private final boolean hex;
    private final boolean base64;
    private final boolean query;

    CamoDialect(boolean hex, boolean base64, boolean query) {
        this.hex = hex;
        this.base64 = base64;
        this.query = query;
    }

    /**
     * The dialect called {@code name}: {@code go-camo} or {@code atmos-camo} (any case).
     *
     * @param name the dialect's configuration name
     * @return the matching dialect
     * @throws IllegalArgumentException naming the setting and the accepted names (also for {@code null})
     */
    public static CamoDialect fromName(String name) {
        switch (Ascii.toLowerCase(Settings.required(name, "dialect").trim())) {
            case "go-camo":
                return GO_CAMO;
            case "atmos-camo":
                return ATMOS_CAMO;
            default:
                throw Settings.invalid("dialect", "must be go-camo or atmos-camo, got '" + name + "'");
        }
    }

    /**
     * Whether a server of this dialect accepts URLs signed in {@code encoding}.
     *
     * @param encoding a layout of signed URLs
     * @return {@code true} if this server verifies URLs written in that layout
     */
    public boolean accepts(CamoEncoding encoding) {
        switch (encoding) {
            case HEX:
                return hex;
            case BASE64:
                return base64;
            case QUERY:
                return query;
            default:
                return false;
        }
    }
}
