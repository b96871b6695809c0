package dev.imgsign.camo;

/** How a {@link CamoSigner} lays out the digest and the target URL. */
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
    QUERY
}
