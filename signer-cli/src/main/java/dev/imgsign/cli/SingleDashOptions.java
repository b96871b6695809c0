package dev.imgsign.cli;

import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Finds long options written with one dash ({@code -key=x}, {@code -url}), as Go's flag package and the
 * peers' tools (imageproxy-sign, url-tool) take them. Left to the parser, {@code -key=x} would silently
 * become {@code -k} with the value {@code ey=x}: a wrong key and no error.
 */
final class SingleDashOptions {
    /** Peer tools' single-dash flags that have a different name here. */
    private static final Map<String, String> PEER_FLAGS = Map.of(
            "url", "--url-only (imageproxy-sign's -url)",
            "signkey", "--key");

    private SingleDashOptions() {
    }

    /** A message naming the first misused option and the right flag, or null when there is none. */
    static String misuse(CommandLine root, String[] args) {
        Map<String, String> longNames = new HashMap<>();
        collect(root, longNames);
        PEER_FLAGS.forEach(longNames::putIfAbsent);
        for (String arg : args) {
            if (arg.equals("--")) {
                return null;
            }
            if (arg.length() > 2 && arg.charAt(0) == '-' && arg.charAt(1) != '-') {
                int equals = arg.indexOf('=');
                String name = arg.substring(1, equals < 0 ? arg.length() : equals);
                String right = longNames.get(name);
                if (right != null) {
                    return "'" + arg.substring(0, equals < 0 ? arg.length() : equals)
                            + "' is not an option: long options take two dashes; use " + right;
                }
            }
        }
        return null;
    }

    private static void collect(CommandLine command, Map<String, String> longNames) {
        for (OptionSpec option : command.getCommandSpec().options()) {
            String longName = null;
            String shortName = null;
            for (String name : option.names()) {
                if (name.startsWith("--")) {
                    longName = name;
                } else {
                    shortName = name;
                }
            }
            if (longName != null) {
                longNames.putIfAbsent(longName.substring(2), shortName == null ? longName : longName + " (or " + shortName + ")");
            }
        }
        for (CommandLine sub : command.getSubcommands().values()) {
            collect(sub, longNames);
        }
    }
}
