package dev.imgsign.core;

import dev.imgsign.core.spi.SchemeProvider;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Finds the {@link SchemeProvider}s on the class path or module path by name.
 *
 * @since 0.1.0
 */
public final class Schemes {
    private Schemes() {
    }

    /** {@return every provider found, by name} */
    public static Map<String, SchemeProvider> all() {
        Map<String, SchemeProvider> byName = new TreeMap<>();
        for (SchemeProvider provider : ServiceLoader.load(SchemeProvider.class, Schemes.class.getClassLoader())) {
            byName.putIfAbsent(provider.name(), provider);
        }
        return byName;
    }

    /**
     * The provider called {@code name}.
     *
     * @param name the scheme's name
     * @return its provider
     * @throws IllegalArgumentException naming the schemes that are available if none is called so
     */
    public static SchemeProvider provider(String name) {
        Map<String, SchemeProvider> all = all();
        SchemeProvider provider = all.get(name);
        if (provider == null) {
            throw new IllegalArgumentException("no signing scheme '" + name + "' on the class path; available: "
                    + all.keySet());
        }
        return provider;
    }
}
