package dev.imgsign.core.spi;

import dev.imgsign.core.KeySet;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * The boolean option called {@code name}. One rule for every scheme: {@code true} or {@code false},
     * ASCII case-insensitive, surrounding spaces ignored; anything else is refused.
     *
     * @param name the option's name
     * @param defaultValue the value when the option was not given
     * @return the option's value
     * @throws IllegalArgumentException naming the option if its value is not {@code true} or {@code false}
     */
    public boolean flag(String name, boolean defaultValue) {
        String value = options.get(name);
        if (value == null) {
            return defaultValue;
        }
        String v = value.strip();
        if (v.equalsIgnoreCase("true") && isAscii(v)) {
            return true;
        }
        if (v.equalsIgnoreCase("false") && isAscii(v)) {
            return false;
        }
        throw new IllegalArgumentException("option '" + name + "' must be true or false, got '" + value + "'");
    }

    /**
     * The whole-number option called {@code name}, in decimal.
     *
     * @param name the option's name
     * @param defaultValue the value when the option was not given
     * @param min the smallest value accepted
     * @param max the largest value accepted
     * @return the option's value
     * @throws IllegalArgumentException naming the option if its value is not a number in {@code [min, max]}
     */
    public long number(String name, long defaultValue, long min, long max) {
        String value = options.get(name);
        if (value == null) {
            return defaultValue;
        }
        long n;
        try {
            n = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '" + name + "' must be a whole number, got '" + value + "'");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException("option '" + name + "' must be between " + min + " and " + max
                    + ", got " + n);
        }
        return n;
    }

    /**
     * The option called {@code name}, which must be one of {@code allowed} (compared exactly, after
     * surrounding spaces are removed).
     *
     * @param name the option's name
     * @param defaultValue the value when the option was not given
     * @param allowed the values accepted
     * @return the option's value
     * @throws IllegalArgumentException naming the option and the allowed values if its value is another
     */
    public String choice(String name, String defaultValue, Set<String> allowed) {
        String value = options.get(name);
        if (value == null) {
            return defaultValue;
        }
        String v = value.strip();
        if (!allowed.contains(v)) {
            throw new IllegalArgumentException("option '" + name + "' must be one of " + new TreeSet<>(allowed)
                    + ", got '" + value + "'");
        }
        return v;
    }

    /**
     * The comma-separated list option called {@code name}: items with surrounding spaces removed, empty
     * items dropped.
     *
     * @param name the option's name
     * @return the items, in order; empty when the option was not given
     */
    public List<String> list(String name) {
        String value = options.get(name);
        if (value == null) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            String v = item.strip();
            if (!v.isEmpty()) {
                items.add(v);
            }
        }
        return List.copyOf(items);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
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
