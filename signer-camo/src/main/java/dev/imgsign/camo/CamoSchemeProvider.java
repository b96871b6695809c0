package dev.imgsign.camo;

import dev.imgsign.core.spi.SchemeConfig;
import dev.imgsign.core.spi.SchemeProvider;
import dev.imgsign.core.internal.Ascii;
import java.util.Set;

/**
 * The {@code camo} scheme for tools that build signers and verifiers by name. Options:
 * {@code prefix} (signer, and verifier: it then also accepts the signer's full URLs), {@code encoding} = {@code hex} | {@code base64} | {@code query} (signer),
 * {@code skipHttps} = {@code true} | {@code false} (signer), {@code dialect} = {@code go-camo} |
 * {@code atmos-camo} (verifier), {@code maxLength} (verifier), {@code rejectPrivateAddresses} =
 * {@code true} | {@code false} (verifier).
 *
 * @since 0.1.0
 */
public final class CamoSchemeProvider implements SchemeProvider {
    private static final Set<String> OPTIONS =
            Set.of("prefix", "encoding", "skipHttps", "dialect", "maxLength", "rejectPrivateAddresses");

    /** Called by {@link java.util.ServiceLoader}. */
    public CamoSchemeProvider() {
    }

    @Override
    public String name() {
        return "camo";
    }

    @Override
    public String description() {
        return "Camo (go-camo, atmos/camo): HMAC-SHA1 of the URL, hex, base64 or query form";
    }

    @Override
    public Set<String> optionNames() {
        return OPTIONS;
    }

    @Override
    public CamoSigner signer(SchemeConfig config) {
        config.requireOnlyOptions(name(), OPTIONS);
        CamoSigner.Builder builder = CamoSigner.builder(config.keys());
        config.option("prefix").ifPresent(builder::prefix);
        config.option("encoding").ifPresent(v -> builder.encoding(CamoEncoding.fromName(v)));
        config.option("skipHttps").ifPresent(v -> builder.skipHttps(bool("skipHttps", v)));
        return builder.build();
    }

    @Override
    public CamoVerifier verifier(SchemeConfig config) {
        config.requireOnlyOptions(name(), OPTIONS);
        CamoVerifier.Builder builder = CamoVerifier.builder(config.keys());
        config.option("prefix").ifPresent(builder::prefix);
        config.option("dialect").ifPresent(v -> builder.dialect(CamoDialect.fromName(v)));
        config.option("maxLength").ifPresent(v -> builder.maxLength(positiveInt("maxLength", v)));
        config.option("rejectPrivateAddresses")
                .ifPresent(v -> builder.rejectPrivateAddresses(bool("rejectPrivateAddresses", v)));
        return builder.build();
    }


    private static boolean bool(String name, String value) {
        switch (Ascii.toLowerCase(value.trim())) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new IllegalArgumentException("camo option " + name + " must be true or false, got '"
                        + value + "'");
        }
    }

    private static int positiveInt(String name, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("camo option " + name + " must be a positive integer, got '" + value + "'");
    }
}
