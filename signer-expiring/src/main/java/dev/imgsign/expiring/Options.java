package dev.imgsign.expiring;

import dev.imgsign.core.spi.SchemeConfig;
import java.util.Optional;

/** Typed reads of scheme options, with errors that name the option. */
final class Options {
    private Options() {
    }

    static Optional<Boolean> bool(SchemeConfig config, String name) {
        return config.option(name).map(v -> {
            if (v.equals("true")) {
                return Boolean.TRUE;
            }
            if (v.equals("false")) {
                return Boolean.FALSE;
            }
            throw new IllegalArgumentException("option " + name + " must be true or false, got '" + v + "'");
        });
    }

    static Optional<Long> number(SchemeConfig config, String name) {
        return config.option(name).map(v -> {
            try {
                return Long.parseLong(v.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option " + name + " must be an integer, got '" + v + "'");
            }
        });
    }
}
