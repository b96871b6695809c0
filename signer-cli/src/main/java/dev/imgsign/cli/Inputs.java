package dev.imgsign.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

/** URL arguments, or with none, standard input one URL per line (batch mode over a whole export). */
final class Inputs {
    private Inputs() {
    }

    /**
     * Applies {@code each} to every input, printing one result line per input, and returns the exit status:
     * {@link Imgsign#REJECTED} if any input was rejected. In batch mode every input line gives exactly one
     * output line: a blank line gives a blank line, a bad line an {@code error:} line, and the batch goes on;
     * with arguments a bad argument is a usage error.
     */
    static int forEach(List<String> arguments, Imgsign root, Function<String, Result> each) {
        if (arguments != null && !arguments.isEmpty()) {
            int status = Imgsign.OK;
            for (String argument : arguments) {
                status = Math.max(status, emit(root, each.apply(argument)));
            }
            return status;
        }
        int status = Imgsign.OK;
        try {
            String line;
            while ((line = root.stdin.readLine()) != null) {
                if (line.isBlank()) {
                    // One output line per input line, so output can be pasted beside its input.
                    root.out.println();
                    continue;
                }
                Result result;
                try {
                    result = each.apply(line.strip());
                } catch (IllegalArgumentException e) {
                    result = Result.rejected("error: " + e.getMessage());
                }
                status = Math.max(status, emit(root, result));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return status;
    }

    private static int emit(Imgsign root, Result result) {
        root.out.println(result.line());
        return result.accepted() ? Imgsign.OK : Imgsign.REJECTED;
    }

    /** One output line and whether it counts as success. */
    record Result(String line, boolean accepted) {
        static Result ok(String line) {
            return new Result(line, true);
        }

        static Result rejected(String line) {
            return new Result(line, false);
        }
    }
}
