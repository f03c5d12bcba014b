package dev.upshift.shell.render;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import dev.upshift.audit.log.StepNotes;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.events.CompatibilityIssueFound;
import dev.upshift.orchestrator.api.events.PreflightFailed;
import dev.upshift.orchestrator.api.events.RollbackFailed;
import dev.upshift.orchestrator.api.events.StepFailed;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.api.events.StepStarted;
import dev.upshift.orchestrator.api.events.ReplicationProgressed;
import dev.upshift.orchestrator.api.events.TransferProgressed;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.InfoCmp.Capability;

/**
 * Prints an upgrade's steps as they start and end, from its events. On a terminal the step under way also has a
 * status line redrawn in place below the others, with a progress bar once the step reports how far it is; anywhere
 * else (a pipe, a file, CI) only plain lines are printed, a progress line for each report (a few seconds apart).
 */
public final class LiveSteps {

    private static final int UNKNOWN_WIDTH = 80;

    private final PrintWriter out;
    private final Terminal terminal;
    private final Map<String, Instant> startedAt = new HashMap<>();
    private Step running;
    private TransferProgressed progressed;
    private Instant progressedAt;
    private boolean statusShown;
    private String shownStatus;

    private LiveSteps(PrintWriter out, Terminal terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Plain lines only, to any stream (stdout, or stderr when stdout carries JSON). */
    public static LiveSteps plain(PrintWriter out) {
        return new LiveSteps(out, null);
    }

    /** Plain lines, plus a status line redrawn in place: for a terminal that is one ("dumb" is not). */
    public static LiveSteps onTerminal(Terminal terminal) {
        return new LiveSteps(terminal.writer(), terminal);
    }

    /** Whether the terminal can redraw a line in place; a pipe or a file gets a "dumb" one from JLine. */
    public static boolean redraws(Terminal terminal) {
        return !terminal.getType().startsWith(Terminal.TYPE_DUMB);
    }

    /** An event from before the command started following: remembered (when its step started), not printed. */
    public void recall(Object event, Instant at) {
        if (event instanceof StepStarted started) {
            startedAt.put(started.step().number(), at);
            running = started.step();
            progressed = null;
        } else if (event instanceof TransferProgressed transfer) {
            progressed = transfer;
            progressedAt = at;
        } else if (endsAStep(event)) {
            running = null;
        }
    }

    private static boolean endsAStep(Object event) {
        return event instanceof StepOutcome || event instanceof StepFailed || event instanceof PreflightFailed
                || event instanceof RollbackFailed;
    }

    public void show(Object event, Instant at) {
        String line = line(event, at);
        recall(event, at);
        if (line != null) {
            clearStatus();
            out.println(line);
            out.flush();
        }
    }

    /**
     * The line a step's start or end prints, a compatibility finding's, or its progress where no status line shows
     * it; null for every other event.
     */
    private String line(Object event, Instant at) {
        if (event instanceof StepStarted started) {
            return StepLines.started(started.step(), at);
        }
        if (event instanceof TransferProgressed transfer) {
            return terminal == null ? StepLines.progress(transfer, startedAt(transfer.step()), at) : null;
        }
        if (event instanceof ReplicationProgressed replicating) {
            return StepLines.progress(replicating, at); // lag and tables: no bar to draw, a line each report
        }
        if (event instanceof CompatibilityIssueFound found) {
            return StepLines.finding(found, at);
        }
        if (event instanceof StepOutcome outcome) {
            return StepLines.done(outcome.step(), startedAt(outcome.step()), at, StepNotes.of(outcome));
        }
        if (event instanceof StepFailed failed) {
            return StepLines.failed(failed.step(), startedAt(failed.step()), at, failed.reason());
        }
        if (event instanceof PreflightFailed failed) {
            return StepLines.failed(failed.step(), startedAt(failed.step()), at, failed.reason());
        }
        if (event instanceof RollbackFailed failed) {
            return StepLines.failed(failed.step(), startedAt(failed.step()), at, failed.reason());
        }
        return null;
    }

    private Instant startedAt(Step step) {
        return startedAt.get(step.number());
    }

    /** Redraws the status line of the step under way on a terminal, when it says something new (each second). */
    public void tick(Instant now) {
        if (terminal == null || running == null) {
            return;
        }
        int width = terminal.getWidth() > 0 ? terminal.getWidth() : UNKNOWN_WIDTH;
        boolean reported = progressed != null && progressed.step().equals(running);
        String status = StepLines.status(running, startedAt(running), reported ? progressed : null, progressedAt, now,
                width);
        if (statusShown && status.equals(shownStatus)) {
            return;
        }
        clearStatus();
        new AttributedString(status, AttributedStyle.DEFAULT.faint()).columnSubSequence(0, width - 1).print(terminal);
        terminal.flush();
        shownStatus = status;
        statusShown = true;
    }

    /** Leaves the screen with plain lines only: the command's own answer follows. */
    public void close() {
        clearStatus();
        out.flush();
    }

    private void clearStatus() {
        if (statusShown) {
            terminal.puts(Capability.carriage_return);
            terminal.puts(Capability.clr_eol);
            statusShown = false;
        }
    }
}
