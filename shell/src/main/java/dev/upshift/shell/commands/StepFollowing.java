package dev.upshift.shell.commands;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import dev.upshift.shell.render.LiveSteps;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jline.terminal.Terminal;
import org.springframework.stereotype.Component;

/** Starts following an upgrade's steps, printed on the terminal Spring Shell answers on. */
@Component
public class StepFollowing {

    private final EventStore store;
    private final Terminal terminal;

    public StepFollowing(EventStore store, Terminal terminal) {
        this.store = store;
        this.terminal = terminal;
    }

    /**
     * Follows from now, with a status line in place when the terminal is one; in plain lines on stderr when stdout
     * carries JSON, so that stdout stays one document.
     */
    public StepFollower follow(String upgradeId, boolean stdoutIsJson) {
        LiveSteps printer;
        if (stdoutIsJson) {
            printer = LiveSteps.plain(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        } else {
            printer = LiveSteps.redraws(terminal) ? LiveSteps.onTerminal(terminal) : LiveSteps.plain(terminal.writer());
        }
        return StepFollower.fromNow(store, upgradeId, printer);
    }
}
