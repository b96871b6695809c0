package dev.imgsign.expiring.weekly;

import dev.imgsign.core.spi.SchemeConfig;
import dev.imgsign.core.spi.SchemeProvider;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Scheme {@code weekly}: Gazelle / imageproxy-py weekly-key bucket links. Options: {@code protocol}
 * ({@code bucket}|{@code v1}), {@code proxyInMessage}, {@code calendarYearKeys}, {@code zone},
 * {@code host} (signer; verifier: it then also accepts the signer's full links), {@code staticServer},
 * {@code passThroughNonHttp} (signer); {@code graceWeeks},
 * {@code allowedSizes} (comma-separated), {@code maxLength} (verifier).
 *
 * @since 0.1.0
 */
public final class WeeklySchemeProvider implements SchemeProvider {
    private static final Set<String> OPTIONS = Set.of("protocol", "proxyInMessage", "calendarYearKeys", "zone",
            "host", "staticServer", "passThroughNonHttp", "graceWeeks", "allowedSizes", "maxLength");

    /** The provider {@link java.util.ServiceLoader} instantiates; it holds no state. */
    public WeeklySchemeProvider() {
        // Nothing to set up: every signer and verifier is built from its SchemeConfig.
    }

    @Override
    public String name() {
        return "weekly";
    }

    @Override
    public String description() {
        return "Gazelle/imageproxy-py bucket links signed with weekly keys (HMAC-SHA256/96)";
    }

    @Override
    public Set<String> optionNames() {
        return OPTIONS;
    }

    @Override
    public WeeklyLinkSigner signer(SchemeConfig config) {
        WeeklyLinkSigner.Builder b = shared(WeeklyLinkSigner.builder(config.keys()), config);
        config.option("staticServer").ifPresent(b::staticServer);
        return b.passThroughNonHttp(config.flag("passThroughNonHttp", b.passThroughNonHttp)).build();
    }

    @Override
    public WeeklyLinkVerifier verifier(SchemeConfig config) {
        WeeklyLinkVerifier.Builder b = shared(WeeklyLinkVerifier.builder(config.keys()), config);
        b.graceWeeks(Math.toIntExact(config.number("graceWeeks", b.graceWeeks, 0, 8)))
                .maxLength(Math.toIntExact(config.number("maxLength", b.maxLength, 16, Integer.MAX_VALUE)));
        if (config.option("allowedSizes").isPresent()) {
            b.allowedSizes(sizes(config.list("allowedSizes")));
        }
        return b.build();
    }

    /** The options signer and verifier share, read once for both builders. */
    private <B extends WeeklySettings<B>> B shared(B b, SchemeConfig config) {
        config.requireOnlyOptions(name(), OPTIONS);
        config.option("zone").ifPresent(v -> b.zone(zone(v)));
        config.option("host").ifPresent(b::host);
        return b.clock(config.clock())
                .protocol(WeeklyProtocol.ofOption(config.choice("protocol", b.protocol.optionValue(),
                        Set.of(WeeklyProtocol.BUCKET.optionValue(), WeeklyProtocol.FIRST_VERSION.optionValue()))))
                .proxyInMessage(config.flag("proxyInMessage", b.proxyInMessage))
                .calendarYearKeys(config.flag("calendarYearKeys", b.calendarYearKeys));
    }

    private static ZoneId zone(String value) {
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("option 'zone' is not a time zone: '" + value + "'");
        }
    }

    private static Set<Integer> sizes(List<String> items) {
        Set<Integer> sizes = new LinkedHashSet<>();
        for (String item : items) {
            try {
                sizes.add(Integer.parseInt(item));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option 'allowedSizes' must be comma-separated integers, got '"
                        + item + "'");
            }
        }
        return sizes;
    }
}
