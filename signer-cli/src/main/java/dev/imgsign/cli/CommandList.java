package dev.imgsign.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;

/** The help's command list, naming every subcommand down to the leaves ({@code camo encode}), not only the schemes. */
final class CommandList {
    private CommandList() {
    }

    static String render(Help help) {
        List<String[]> rows = new ArrayList<>();
        for (CommandLine command : help.commandSpec().commandLine().getSubcommands().values()) {
            walk(command, "", rows);
        }
        if (rows.isEmpty()) {
            return "";
        }
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            text.append("  ").append(row[0]).append(" ".repeat(width - row[0].length() + 2)).append(row[1]).append('\n');
        }
        return text.toString();
    }

    private static void walk(CommandLine command, String prefix, List<String[]> rows) {
        String name = prefix + command.getCommandName();
        if (command.getSubcommands().isEmpty()) {
            String[] description = command.getCommandSpec().usageMessage().description();
            rows.add(new String[] {name, description.length == 0 ? "" : description[0]});
            return;
        }
        for (CommandLine sub : command.getSubcommands().values()) {
            walk(sub, name + " ", rows);
        }
    }
}
