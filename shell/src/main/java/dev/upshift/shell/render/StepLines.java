package dev.upshift.shell.render;

import java.time.Duration;
import java.time.Instant;

import dev.upshift.orchestrator.api.Step;

/**
 * The lines a command prints while it follows an upgrade, one per step start and end: plain text, stamped with the
 * event's time (HH:mm:ss UTC), a fixed-width verb so that the step numbers line up.
 *
 * <pre>
 * 19:20:01 start  3.1 Stop dependents, fence the database, take the final dump
 * 19:20:05 done   3.1 Stop dependents, fence the database, take the final dump (4s): final dump to17_final.dump …
 * </pre>
 */
public final class StepLines {

    private StepLines() {
    }

    public static String started(Step step, Instant at) {
        return line(at, "start", step.toString());
    }

    /** @param startedAt when the step started, or null when this process never saw it start */
    public static String done(Step step, Instant startedAt, Instant at, String note) {
        return line(at, "done", step + elapsed(startedAt, at) + (note.isEmpty() ? "" : ": " + note));
    }

    public static String failed(Step step, Instant startedAt, Instant at, String reason) {
        return line(at, "FAILED", step + elapsed(startedAt, at) + ": " + reason);
    }

    static String line(Instant at, String verb, String text) {
        return Views.CLOCK.format(at) + " " + "%-6s".formatted(verb) + " " + text;
    }

    private static String elapsed(Instant startedAt, Instant at) {
        return startedAt == null ? "" : " (" + Durations.human(Duration.between(startedAt, at)) + ")";
    }
}
