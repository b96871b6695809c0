package dev.imgsign.expiring.weekly;

/**
 * Which message the weekly-key signature covers.
 *
 * @since 0.1.0
 */
public enum WeeklyProtocol {
    /**
     * The current protocol (Gazelle, imageproxy-py's README): {@code {bucket}/{ext_url}}, plus
     * {@code /proxy} for proxy links when that is part of the message.
     */
    BUCKET("bucket"),
    /**
     * imageproxy-py's first version: {@code {ext_url}} (plus {@code /proxy}) without the bucket. Seed 002's
     * published vector was made with it.
     */
    FIRST_VERSION("v1");

    private final String optionValue;

    WeeklyProtocol(String optionValue) {
        this.optionValue = optionValue;
    }

    /**
     * The name used in scheme options ({@code bucket} or {@code v1}).
     *
     * @return the option value naming this protocol
     */
    public String optionValue() {
        return optionValue;
    }

    /**
     * The protocol called {@code value} in scheme options.
     *
     * @param value {@code bucket} or {@code v1}, exact case
     * @return the protocol of that name
     * @throws IllegalArgumentException if no protocol has that name
     */
    public static WeeklyProtocol ofOption(String value) {
        for (WeeklyProtocol p : values()) {
            if (p.optionValue.equals(value)) {
                return p;
            }
        }
        throw new IllegalArgumentException("protocol must be 'bucket' or 'v1', got '" + value + "'");
    }
}
