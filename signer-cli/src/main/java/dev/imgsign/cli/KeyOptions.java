package dev.imgsign.cli;

import picocli.CommandLine.Option;

/**
 * The key options every scheme command shares. They may be given on the scheme command or on its
 * subcommand ({@code imgsign camo -k KEY encode URL}, as go-camo's url-tool takes them); the subcommand's win.
 */
final class KeyOptions {
    @Option(names = {"-k", "--key"}, paramLabel = "KEY|@FILE",
            description = "the key, or @FILE to read it from a file (one trailing newline is not part of the key); "
                    + "default: the scheme's environment variable")
    String key;

    @Option(names = "--key-encoding", paramLabel = "utf8|hex|base64",
            description = "how the key is written: utf8 (default, its bytes as they are), hex or base64")
    String encoding;

    @Option(names = "--keep-key-newline",
            description = "read @FILE whole, trailing newline included, as imageproxy-sign does")
    boolean keepNewline;
}
