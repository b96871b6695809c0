package dev.imgsign.camo;

import dev.imgsign.core.spi.SchemeConfig;
import dev.imgsign.core.spi.SchemeProvider;
import java.util.Set;

/**
 * The {@code camo} scheme for tools that build signers and verifiers by name. Options:
 * {@code prefix} (signer, and verifier: it then also accepts the signer's full URLs), {@code encoding} =
 * {@code hex} | {@code base64} | {@code query} (signer), {@code skipHttps} = {@code true} | {@code false}
 * (signer), {@code dialect} = {@code go-camo} | {@code atmos-camo} (verifier), {@code maxLength}
 * (verifier), {@code rejectPrivateAddresses} = {@code true} | {@code false} (verifier). Booleans and
 * numbers follow {@link SchemeConfig}'s rules; unknown options and bad values (of any option, whichever
 * side is built) are refused with an {@link IllegalArgumentException} naming the option.
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
        CamoVerifier.Builder verifierSide = verifierBuilder(config);
        CamoSigner.Builder builder = CamoSigner.builder(config.keys()).prefix(verifierSide.prefix())
                .skipHttps(config.flag("skipHttps", false));
        config.option("encoding").ifPresent(v -> builder.encoding(CamoEncoding.fromName(v)));
        return builder.build();
    }

    @Override
    public CamoVerifier verifier(SchemeConfig config) {
        config.flag("skipHttps", false);
        config.option("encoding").ifPresent(CamoEncoding::fromName);
        return verifierBuilder(config).build();
    }

    /**
     * The verifier's builder from {@code config}, after refusing unknown options. Both sides read every
     * option, so one configuration shared by a signer and a verifier fails on a bad value whichever is
     * built first.
     */
    private CamoVerifier.Builder verifierBuilder(SchemeConfig config) {
        config.requireOnlyOptions(name(), OPTIONS);
        CamoVerifier.Builder builder = CamoVerifier.builder(config.keys())
                .maxLength((int) config.number("maxLength", CamoVerifier.DEFAULT_MAX_LENGTH, 1, Integer.MAX_VALUE))
                .rejectPrivateAddresses(config.flag("rejectPrivateAddresses", false));
        config.option("prefix").ifPresent(builder::prefix);
        config.option("dialect").ifPresent(v -> builder.dialect(CamoDialect.fromName(v)));
        return builder;
    }
}
