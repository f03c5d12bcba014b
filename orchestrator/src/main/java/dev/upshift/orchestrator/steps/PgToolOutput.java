package dev.upshift.orchestrator.steps;

import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.upshift.orchestrator.ports.CommandResult;

/** What a PostgreSQL tool run with {@code --verbose} said besides its progress: the lines that explain a failure. */
public final class PgToolOutput {

    private static final Pattern PROGRESS = Pattern.compile("pg_\\w+: (?!(error|warning|detail|hint):).*");

    private PgToolOutput() {
    }

    public static String errors(String stderr) {
        return stderr.lines().filter(line -> !PROGRESS.matcher(line).matches()).collect(Collectors.joining("\n")).strip();
    }

    /** A tool's failure as the execution log shows it: "pg_restore failed (exit 1): its first three error lines". */
    public static StepFailure failure(String what, CommandResult result) {
        return new StepFailure(what + " failed (exit " + result.exitCode() + "): "
                + errors(result.stderr()).lines().limit(3).collect(Collectors.joining(" | ")));
    }
}
