package dev.imgsign.core.internal;

/**
 * The one way every signer and verifier builder refuses a setting: an {@link IllegalArgumentException}
 * whose message names the setting, never a {@code NullPointerException} or {@code IllegalStateException}.
 * Not public API: it may change without notice.
 */
public final class Settings {
    private Settings() {
    }

    /**
     * {@code value}, or an exception naming {@code setting} when it is null.
     *
     * @param <T> the setting's type
     * @param value the value given
     * @param setting the builder method's name, e.g. {@code prefix}
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is null
     */
    public static <T> T required(T value, String setting) {
        if (value == null) {
            throw invalid(setting, "must not be null");
        }
        return value;
    }

    /**
     * Nothing when {@code ok}, else an exception naming {@code setting}.
     *
     * @param ok whether the setting is acceptable
     * @param setting the builder method's name
     * @param problem what is wrong, e.g. {@code "must be positive, got -1"}
     * @throws IllegalArgumentException if not {@code ok}
     */
    public static void check(boolean ok, String setting, String problem) {
        if (!ok) {
            throw invalid(setting, problem);
        }
    }

    /**
     * The exception for a refused setting.
     *
     * @param setting the builder method's name
     * @param problem what is wrong
     * @return the exception, for the caller to throw
     */
    public static IllegalArgumentException invalid(String setting, String problem) {
        return new IllegalArgumentException(setting + ": " + problem);
    }
}
