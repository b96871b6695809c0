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

    public static Builder builder() {
        return new Builder();
    }

    /** Whether keys were given. */
    public boolean hasKeys() {
        return keys != null;
    }

    /** The keys. @throws IllegalArgumentException if none were given */
    public KeySet keys() {
        if (keys == null) {
            throw new IllegalArgumentException("no signing key configured");
        }
        return keys;
    }

    /** The clock time-based schemes read; the UTC system clock unless set. */
    public Clock clock() {
        return clock;
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /** All options, unmodifiable. */
    public Map<String, String> options() {
        return options;
    }

    /**
     * Refuses options the scheme does not know, so that a typo in a configuration fails loudly
     * instead of being ignored.
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

    public static final class Builder {
        private KeySet keys;
        private Clock clock = Clock.systemUTC();
        private final Map<String, String> options = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder keys(KeySet keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder option(String name, String value) {
            options.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder options(Map<String, String> values) {
            values.forEach(this::option);
            return this;
        }

        public SchemeConfig build() {
            return new SchemeConfig(this);
        }
    }
}
