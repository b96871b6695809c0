package dev.imgsign.cli;

import dev.imgsign.core.UrlSigner;
import dev.imgsign.expiring.weekly.WeeklyLink;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code imgsign weekly sign|verify}: imageproxy-py / Gazelle weekly-key bucket links. */
@Command(name = "weekly", mixinStandardHelpOptions = true,
        description = {"Weekly-key bucket links (imageproxy-py, Gazelle).",
            "The key (Gazelle's IMAGE_CACHE_SECRET) may also come from " + WeeklyCommand.KEY_ENV + "."},
        subcommands = {WeeklyCommand.Sign.class, WeeklyCommand.Verify.class})
final class WeeklyCommand extends SchemeCommand {
    /** Gazelle keeps its secret in a PHP constant and imageproxy-py in its source: no peer variable to reuse. */
    static final String KEY_ENV = "IMGSIGN_WEEKLY_KEY";

    WeeklyCommand() {
        super(KEY_ENV);
    }

    /** Settings both directions share; they must match between signer and server. */
    abstract static class Shared extends TimedSubcommand {
        @Option(names = "--protocol", paramLabel = "bucket|v1", defaultValue = "bucket",
                description = "bucket: bucket/ext_url (current); v1: ext_url only (first imageproxy-py)")
        String protocol;

        @Option(names = "--proxy-unsigned", description = "leave /proxy out of the message, as the Python server does")
        boolean proxyUnsigned;

        @Option(names = "--calendar-year-keys", description = "legacy keys with the calendar year (Gazelle before 2024-12-30)")
        boolean calendarYearKeys;

        /** {@return the weekly provider's configuration of the shared settings} */
        ProviderConfig weeklyConfig() {
            return config("weekly")
                    .option("protocol", "--protocol", protocol)
                    .option("proxyInMessage", "--proxy-unsigned", !proxyUnsigned)
                    .option("calendarYearKeys", "--calendar-year-keys", calendarYearKeys);
        }
    }

    @Command(name = "sign", mixinStandardHelpOptions = true, description = "Print the weekly link of each image URL.")
    static final class Sign extends Shared {
        @Option(names = "--bucket", defaultValue = "i", description = "cache bucket (default i)")
        String bucket;

        @Option(names = "--height", defaultValue = "0", description = "height in pixels, 0 for none")
        int height;

        @Option(names = "--width", defaultValue = "0", description = "width in pixels, 0 for none")
        int width;

        @Option(names = "--proxy", description = "proxy-only link (/proxy, never stored, never resized)")
        boolean proxy;

        @Option(names = "--host", defaultValue = "", description = "prefix such as https://img.example.org")
        String host;

        @Parameters(paramLabel = "IMAGE_URL", arity = "0..*", description = "image URLs; none: read one per line from stdin")
        List<String> urls;

        @Override
        public Integer call() {
            UrlSigner<WeeklyLink> signer = weeklyConfig()
                    .option("host", "--host", Common.checkUrlPrefix("--host", host, false)).signer();
            return signEach(urls, url -> signer.sign(new WeeklyLink(bucket, url, height, width, proxy)));
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify each weekly link as the server would (exit 1 if any is rejected).")
    static final class Verify extends Shared {
        @Option(names = "--grace-weeks", defaultValue = "1", description = "previous weeks still accepted (server: 1, Gazelle: 0)")
        int graceWeeks;

        @Parameters(paramLabel = "LINK", arity = "0..*", description = "links or paths; none: read one per line from stdin")
        List<String> links;

        @Override
        public Integer call() {
            return verifyEach(links, weeklyConfig().option("graceWeeks", "--grace-weeks", graceWeeks).<WeeklyLink>verifier(),
                    l -> "bucket=" + l.bucket() + " size=" + l.sizeSegment() + " proxy=" + l.proxy() + " url=" + l.imageUrl());
        }
    }
}
