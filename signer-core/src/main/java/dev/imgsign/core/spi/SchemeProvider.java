package dev.imgsign.core.spi;

import dev.imgsign.core.Schemes;
import dev.imgsign.core.UrlSigner;
import dev.imgsign.core.UrlVerifier;

import java.util.Set;

/**
 * A signing scheme that tools (the CLI, the servlet filter) can build by name. Scheme modules register
 * one in {@code META-INF/services/dev.imgsign.core.spi.SchemeProvider}; {@link Schemes} finds them.
 *
 * @since 0.1.0
 */
public interface SchemeProvider {
    /** {@return the scheme's name: {@code camo}, {@code imageproxy}, {@code weekly}, {@code expiring}, ...} */
    String name();

    /** {@return one line saying what the scheme is} */
    String description();

    /** {@return the option names {@link SchemeConfig#option} may carry for this scheme; others are refused} */
    Set<String> optionNames();

    /**
     * A signer for the scheme.
     *
     * @param config keys, clock and options
     * @return the signer
     * @throws IllegalArgumentException if the configuration lacks something or has an invalid or unknown option
     */
    UrlSigner<?> signer(SchemeConfig config);

    /**
     * A verifier for the scheme.
     *
     * @param config keys, clock and options
     * @return the verifier
     * @throws IllegalArgumentException if the configuration lacks something or has an invalid or unknown option
     */
    UrlVerifier<?> verifier(SchemeConfig config);
}
