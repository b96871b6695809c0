package dev.imgsign.core;

import dev.imgsign.core.spi.SchemeConfig;
import dev.imgsign.core.spi.SchemeProvider;

import java.util.Set;

/** A toy scheme registered in test resources, to exercise {@link Schemes}: the "signature" is the reversed text. */
public final class ReverseTestScheme implements SchemeProvider {
    @Override
    public String name() {
        return "reverse-test";
    }

    @Override
    public String description() {
        return "test only";
    }

    @Override
    public Set<String> optionNames() {
        return Set.of();
    }

    @Override
    public UrlSigner<String> signer(SchemeConfig config) {
        config.requireOnlyOptions(name(), optionNames());
        return s -> new StringBuilder(s).reverse().toString();
    }

    @Override
    public UrlVerifier<String> verifier(SchemeConfig config) {
        config.requireOnlyOptions(name(), optionNames());
        KeySet keys = config.keys();
        return request -> Verification.accepted(new StringBuilder(request.target()).reverse().toString(), keys, 0);
    }
}
