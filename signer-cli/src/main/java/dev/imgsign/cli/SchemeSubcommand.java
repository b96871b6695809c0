package dev.imgsign.cli;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.UrlVerifier;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * A scheme's {@code sign} or {@code verify} subcommand: its own key options (which win over the scheme
 * command's), a {@link ProviderConfig} for the scheme's provider, and the loop over the inputs.
 */
abstract class SchemeSubcommand implements Callable<Integer> {
    @ParentCommand
    SchemeCommand scheme;

    @Mixin
    KeyOptions keyOptions;

    /** {@return the key given on this subcommand, else on the scheme command, else in its variable} */
    KeySet keys() {
        return KeySet.of(Keys.resolve(keyOptions, scheme.keyOptions, scheme.root, scheme.keyVariable()));
    }

    /** {@return a configuration for the provider of {@code schemeName}, holding {@link #keys()}} */
    ProviderConfig config(String schemeName) {
        return new ProviderConfig(schemeName, keys());
    }

    /** Prints {@code sign(input)} for each input (arguments, else stdin lines); see {@link Inputs#forEach}. */
    int signEach(List<String> inputs, Function<String, String> sign) {
        return Inputs.forEach(inputs, scheme.root, input -> Inputs.Result.ok(sign.apply(input)));
    }

    /**
     * Verifies each input's {@link #requestTarget request target}, printing {@code describe(request)} when
     * accepted and the reason when not; exit status {@link Imgsign#REJECTED} if any is rejected.
     */
    <R> int verifyEach(List<String> inputs, UrlVerifier<R> verifier, Function<R, String> describe) {
        return Inputs.forEach(inputs, scheme.root,
                input -> Common.result(verifier.verify(requestTarget(input)), describe));
    }

    /** {@return what the verifier is given for {@code input}: its path and query} */
    String requestTarget(String input) {
        return Common.requestTarget(input);
    }
}
