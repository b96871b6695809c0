package dev.imgsign.camo;

import dev.imgsign.core.internal.Ascii;
import dev.imgsign.core.internal.Settings;


/**
 * How a {@link CamoSigner} lays out the digest and the target URL.
 *
 * @since 0.1.0
 */
public enum CamoEncoding {
    /**
     * {@code /<hex digest>/<hex URL>}, lowercase. Accepted by go-camo and atmos/camo; go-camo's
     * {@code url-tool encode} default.
     */
    HEX,
    /**
     * {@code /<base64 digest>/<base64 URL>}, URL-safe alphabet without {@code =} padding. go-camo only
     * ({@code url-tool encode -b base64}); shorter than hex but case-sensitive.
     */
    BASE64,
    /**
     * {@code /<hex digest>?url=<percent-escaped URL>}, atmos/camo's query-string format. go-camo does not
     * accept it.
     */
    QUERY;

    /**
     * The encoding called {@code name}: {@code hex}, {@code base64} or {@code query} (any case), as
     * configuration files and the command line spell it.
     *
     * @param name the encoding's configuration name
     * @return the matching encoding
     * @throws IllegalArgumentException naming the setting and the accepted names (also for {@code null})
     */
    public static CamoEncoding fromName(String name) {
        switch (Ascii.toLowerCase(Settings.required(name, "encoding").trim())) {
            case "hex":
                return HEX;
            case "base64":
                return BASE64;
            case "query":
                return QUERY;
            default:
                throw Settings.invalid("encoding", "must be hex, base64 or query, got '" + name + "'");
        }
    }
}
