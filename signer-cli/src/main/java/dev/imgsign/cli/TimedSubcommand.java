package dev.imgsign.cli;

import picocli.CommandLine.Option;

/** A subcommand of a time-based scheme (weekly, expiring): {@code --at} sets the clock its provider reads. */
abstract class TimedSubcommand extends SchemeSubcommand {
    @Option(names = "--at", paramLabel = "TIME", description = "the time: ISO-8601 instant or unix seconds (default: now)")
    String at;

    @Override
    ProviderConfig config(String schemeName) {
        return super.config(schemeName).clock(Common.clockAt(at));
    }
}
