package dev.imgsign.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * A scheme's command ({@code imgsign camo}, {@code imgsign weekly}, ...): the key options that may come
 * before its subcommand ({@code imgsign camo -k KEY encode URL}) and the environment variable its key may
 * come from. Its {@link SchemeSubcommand}s do the work.
 */
abstract class SchemeCommand {
    @ParentCommand
    Imgsign root;

    @Mixin
    KeyOptions keyOptions;

    private final String keyVariable;

    SchemeCommand(String keyVariable) {
        this.keyVariable = keyVariable;
    }

    /** {@return the environment variable the scheme's key may come from} */
    final String keyVariable() {
        return keyVariable;
    }
}
