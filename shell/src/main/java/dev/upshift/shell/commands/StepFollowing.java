package dev.upshift.shell.commands;

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

    /** Follows from now, with a status line in place when the terminal is one. */
    public StepFollower follow(String upgradeId) {
        return StepFollower.fromNow(store, upgradeId,
                LiveSteps.redraws(terminal) ? LiveSteps.onTerminal(terminal) : LiveSteps.plain(terminal.writer()));
    }
}
