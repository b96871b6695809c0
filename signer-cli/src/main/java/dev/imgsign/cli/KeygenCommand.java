package dev.imgsign.cli;

import dev.imgsign.core.SigningKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code imgsign keygen}: prints a new random key. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = {"Print a new random key (SecureRandom), hex (default) or base64.",
            "Use the printed text as the key (go-camo, imageproxy, weekly and expiring read a key's text as its bytes);"
                + " with --key-encoding hex|base64 our tools decode it instead."})
final class KeygenCommand implements Callable<Integer> {
    @ParentCommand
    Imgsign root;

    @Option(names = "--bytes", paramLabel = "N", defaultValue = "32",
            description = "random bytes, 16 to 1024 (default 32, the size of an HMAC-SHA256 output)")
    int bytes;

    @Option(names = "--encoding", paramLabel = "hex|base64", defaultValue = "hex",
            description = "hex (default) or base64 (standard alphabet, padded)")
    String encoding;

    @Override
    public Integer call() {
        boolean hex;
        switch (encoding) {
            case "hex":
                hex = true;
                break;
            case "base64":
                hex = false;
                break;
            default:
                throw new IllegalArgumentException("--encoding is hex or base64, not '" + encoding + "'");
        }
        byte[] secret = SigningKey.generate(bytes).copyBytes();
        root.out.println(hex ? HexFormat.of().formatHex(secret) : Base64.getEncoder().encodeToString(secret));
        return Imgsign.OK;
    }
}
