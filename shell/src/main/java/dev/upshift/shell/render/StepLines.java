package dev.upshift.shell.render;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.upshift.audit.log.StepNotes;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.events.CompatibilityIssueFound;
import dev.upshift.orchestrator.api.events.ReplicationProgressed;
import dev.upshift.orchestrator.api.events.TransferProgressed;
import dev.upshift.orchestrator.text.Durations;

/**
 * The lines a command prints while it follows an upgrade, one per step start and end and one per report of how far a
 * long step is: plain text, stamped with the event's time (HH:mm:ss UTC), a fixed-width verb so that the step numbers
 * line up; and the status line a terminal redraws in place.
 *
 * <pre>
 * 19:20:01 start  3.1 Stop dependents, fence the database, take the final dump
 * 19:20:04 …      3.1 dumping: 461 737 of 992 805 rows (46 %), 74 139 rows/s, about 7s left
 * 19:20:05 done   3.1 Stop dependents, fence the database, take the final dump (4s): final dump to17_final.dump …
 * </pre>
 */
public final class StepLines {

    private static final int BAR_CELLS = 30;
    private static final int MIN_BAR_CELLS = 8;

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

    /** "19:20:02 BLOCKS 0.5 prepared transactions: 1 prepared transaction waits … — what to do: …" */
    public static String finding(CompatibilityIssueFound found, Instant at) {
        return line(at, found.verdict().name(), found.step().number() + " " + StepNotes.finding(found));
    }

    /** "19:20:09 …      3.5 restoring: 120 of 240 entries (50 %), 12 entries/s, about 10s left" */
    public static String progress(TransferProgressed progressed, Instant startedAt, Instant at) {
        return line(at, "…", progressed.step().number() + " " + StepNotes.progress(progressed)
                + pace(progressed, startedAt, at).map(pace -> ", " + pace.rate() + ", about " + pace.left() + " left")
                .orElse(""));
    }

    /** The logical replica's catch-up, as it reports it: "… 2.4 replicating: 31 of 38 tables copied, 4.0 MB behind". */
    public static String progress(ReplicationProgressed progressed, Instant at) {
        return line(at, "…", progressed.step().number() + " " + StepNotes.progress(progressed));
    }

    /**
     * The status line of the step under way on a terminal, as wide as given: its elapsed time, and once it reports
     * how far it is, a bar, its rate and the time left (counted down from the last report).
     * "  3.5 restoring [██████░░░░░░] 120/240 entries 50 % · 12 entries/s · 9s left · 31s"
     */
    public static String status(Step step, Instant startedAt, TransferProgressed progressed, Instant progressedAt,
                                Instant now, int width) {
        String elapsed = Durations.human(Duration.between(startedAt, now));
        if (progressed == null) {
            return "  " + step + "  " + elapsed;
        }
        String counts = " " + StepNotes.count(progressed.done()) + "/" + StepNotes.count(progressed.total()) + " "
                + progressed.unit() + " " + StepNotes.percent(progressed) + " %";
        String pace = pace(progressed, startedAt, progressedAt).map(known -> " · " + known.rate() + " · "
                + Durations.human(known.leftAfter(Duration.between(progressedAt, now))) + " left").orElse("");
        String head = "  " + step.number() + " " + progressed.activity() + " ";
        String tail = counts + pace + " · " + elapsed;
        int cells = Math.min(BAR_CELLS, width - 1 - head.length() - tail.length() - 2);
        return cells < MIN_BAR_CELLS ? head + tail.strip() : head + "[" + bar(progressed, cells) + "]" + tail;
    }

    static String line(Instant at, String verb, String text) {
        return Views.CLOCK.format(at) + " " + "%-6s".formatted(verb) + " " + text;
    }

    private static String bar(TransferProgressed progressed, int cells) {
        int full = (int) (cells * progressed.done() / Math.max(1, progressed.total()));
        return "█".repeat(full) + "░".repeat(cells - full);
    }

    /** The rate since the step started and the time left at that rate; unknown before anything is done. */
    private static Optional<Pace> pace(TransferProgressed progressed, Instant startedAt, Instant at) {
        double seconds = startedAt == null ? 0 : Duration.between(startedAt, at).toMillis() / 1000.0;
        if (seconds <= 0 || progressed.done() <= 0) {
            return Optional.empty();
        }
        double perSecond = progressed.done() / seconds;
        return Optional.of(new Pace(StepNotes.count(Math.round(perSecond)) + " " + progressed.unit() + "/s",
                Duration.ofSeconds(Math.round((progressed.total() - progressed.done()) / perSecond))));
    }

    private record Pace(String rate, Duration remaining) {

        String left() {
            return Durations.human(remaining);
        }

        Duration leftAfter(Duration since) {
            return remaining.compareTo(since) > 0 ? remaining.minus(since) : Duration.ZERO;
        }
    }

    private static String elapsed(Instant startedAt, Instant at) {
        return startedAt == null ? "" : " (" + Durations.human(Duration.between(startedAt, at)) + ")";
    }
}
