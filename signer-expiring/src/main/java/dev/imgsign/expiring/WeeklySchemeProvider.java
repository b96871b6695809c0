package dev.imgsign.expiring;

import dev.imgsign.core.spi.SchemeConfig;
import dev.imgsign.core.spi.SchemeProvider;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashSet;
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
        config.requireOnlyOptions(name(), OPTIONS);
        WeeklyLinkSigner.Builder b = WeeklyLinkSigner.builder().keys(config.keys()).clock(config.clock());
        config.option("protocol").ifPresent(v -> b.protocol(WeeklyProtocol.ofOption(v)));
        Options.bool(config, "proxyInMessage").ifPresent(b::proxyInMessage);
        Options.bool(config, "calendarYearKeys").ifPresent(b::calendarYearKeys);
        config.option("zone").ifPresent(v -> b.zone(zone(v)));
        config.option("host").ifPresent(b::host);
        config.option("staticServer").ifPresent(b::staticServer);
        Options.bool(config, "passThroughNonHttp").ifPresent(b::passThroughNonHttp);
        return b.build();
    }

    @Override
    public WeeklyLinkVerifier verifier(SchemeConfig config) {
        config.requireOnlyOptions(name(), OPTIONS);
        WeeklyLinkVerifier.Builder b = WeeklyLinkVerifier.builder().keys(config.keys()).clock(config.clock());
        config.option("host").ifPresent(b::host);
        config.option("protocol").ifPresent(v -> b.protocol(WeeklyProtocol.ofOption(v)));
        Options.bool(config, "proxyInMessage").ifPresent(b::proxyInMessage);
        Options.bool(config, "calendarYearKeys").ifPresent(b::calendarYearKeys);
        config.option("zone").ifPresent(v -> b.zone(zone(v)));
        Options.number(config, "graceWeeks").ifPresent(v -> b.graceWeeks(Math.toIntExact(v)));
        Options.number(config, "maxLength").ifPresent(v -> b.maxLength(Math.toIntExact(v)));
        config.option("allowedSizes").ifPresent(v -> b.allowedSizes(sizes(v)));
        return b.build();
    }

    private static ZoneId zone(String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("option zone is not a time zone: '" + value + "'");
        }
    }

    private static Set<Integer> sizes(String value) {
        Set<Integer> sizes = new LinkedHashSet<>();
        for (String part : value.split(",", -1)) {
            try {
                sizes.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option allowedSizes must be comma-separated integers");
            }
        }
        return sizes;
    }
}
