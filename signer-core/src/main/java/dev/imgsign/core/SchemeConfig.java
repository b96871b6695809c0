package dev.imgsign.core;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The small, string-keyed configuration a {@link SchemeProvider} builds a signer or verifier from:
 * keys, a clock, and scheme options such as {@code prefix} or {@code dialect}.
 *
 * @since 0.1.0
 */
public final class SchemeConfig {
    private final KeySet keys;
    private final Clock clock;
    private final Map<String, String> options;

    private SchemeConfig(Builder builder) {
        this.keys = builder.keys;
        this.clock = builder.clock;
        this.options = Map.copyOf(builder.options);
    }

    /** {@return a builder with no keys, the UTC system clock and no options} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return whether keys were given} */
    public boolean hasKeys() {
        return keys != null;
    }

    /**
     * The keys.
     *
     * @return the keys
     * @throws IllegalArgumentException if none were given
     */
    public KeySet keys() {
        if (keys == null) {
            throw new IllegalArgumentException("no signing key configured");
        }
        return keys;
    }

    /** {@return the clock time-based schemes read; the UTC system clock unless set} */
    public Clock clock() {
        return clock;
    }

    /**
     * The option called {@code name}.
     *
     * @param name the option's name
     * @return its value, or empty if it was not given
     */
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /** {@return all options, unmodifiable} */
    public Map<String, String> options() {
        return options;
    }

    /**
     * Refuses options the scheme does not know, so that a typo in a configuration fails loudly
     * instead of being ignored.
     *
     * @param scheme the scheme's name, for the message
     * @param known the option names the scheme reads
     * @throws IllegalArgumentException naming the first unknown option and the known ones
     */
    public void requireOnlyOptions(String scheme, Set<String> known) {
        for (String name : options.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option '" + name + "' for scheme " + scheme
                        + "; known options: " + new TreeSet<>(known));
            }
        }
    }

    @Override
    public String toString() {
        return "SchemeConfig[keys=" + keys + ", clock=" + clock + ", options=" + options + "]";
    }

    /** Collects keys, clock and options; {@link #build()} makes the immutable configuration. */
    public static final class Builder {
        private KeySet keys;
        private Clock clock = Clock.systemUTC();
        private final Map<String, String> options = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets the keys.
         *
         * @param keys the keys, primary first
         * @return this builder
         */
        public Builder keys(KeySet keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        /**
         * Sets the clock time-based schemes read.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets one scheme option.
         *
         * @param name the option's name, one of the scheme's {@link SchemeProvider#optionNames()}
         * @param value its value as text
         * @return this builder
         */
        public Builder option(String name, String value) {
            options.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets several scheme options.
         *
         * @param values option names and their values
         * @return this builder
         */
        public Builder options(Map<String, String> values) {
            values.forEach(this::option);
            return this;
        }

        /** {@return the configuration} */
        public SchemeConfig build() {
            return new SchemeConfig(this);
        }
    }
}
