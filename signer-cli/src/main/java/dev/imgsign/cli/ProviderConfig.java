package dev.imgsign.cli;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.Schemes;
import dev.imgsign.core.UrlSigner;
import dev.imgsign.core.UrlVerifier;
import dev.imgsign.core.spi.SchemeConfig;
import dev.imgsign.core.spi.SchemeProvider;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * The {@link SchemeConfig} a subcommand gives its scheme's {@link SchemeProvider}: keys, clock and the
 * provider's options, each remembered with the command-line flag that set it. Signers and verifiers are
 * built only here, by the providers, so the CLI, the servlet filter and code read options the same way.
 */
final class ProviderConfig {
    private final String scheme;
    private final SchemeConfig.Builder config = SchemeConfig.builder();
    private final Map<String, String> flags = new LinkedHashMap<>();

    ProviderConfig(String scheme, KeySet keys) {
        this.scheme = scheme;
        config.keys(keys);
    }

    /** Sets the clock time-based schemes read. */
    ProviderConfig clock(Clock clock) {
        config.clock(clock);
        return this;
    }

    /**
     * Sets the provider's option {@code name} to {@code value}, given by {@code flag}: nothing when
     * {@code value} is null or an empty collection; a collection as a comma-separated list.
     */
    ProviderConfig option(String name, String flag, Object value) {
        if (value == null || value instanceof Collection<?> items && items.isEmpty()) {
            return this;
        }
        String text = value instanceof Collection<?> items ? String.join(",", items.stream().map(String::valueOf).toList())
                : String.valueOf(value);
        config.option(name, text);
        flags.put(name, flag);
        return this;
    }

    /** {@return the scheme's signer, whose requests are of type {@code R}} */
    @SuppressWarnings("unchecked")
    <R> UrlSigner<R> signer() {
        return (UrlSigner<R>) build(SchemeProvider::signer);
    }

    /** {@return the scheme's signer as its own type, for what only that type offers} */
    <T> T signer(Class<T> type) {
        return type.cast(build(SchemeProvider::signer));
    }

    /** {@return the scheme's verifier, whose accepted requests are of type {@code R}} */
    @SuppressWarnings("unchecked")
    <R> UrlVerifier<R> verifier() {
        return (UrlVerifier<R>) build(SchemeProvider::verifier);
    }

    private <T> T build(BiFunction<SchemeProvider, SchemeConfig, T> make) {
        SchemeProvider provider = Schemes.provider(scheme);
        try {
            return make.apply(provider, config.build());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(withFlag(e.getMessage()), e);
        }
    }

    /** The provider's message, followed by the flag that set the option it names (options are not flags). */
    private String withFlag(String message) {
        String text = String.valueOf(message);
        for (Map.Entry<String, String> option : flags.entrySet()) {
            if (Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(option.getKey()) + "(?![A-Za-z0-9])")
                    .matcher(text).find()) {
                return text + " (" + option.getValue() + ")";
            }
        }
        return text;
    }
}
