package dev.upshift.shell.commands;

import java.time.Instant;

import dev.upshift.shell.render.LiveSteps;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Follows one upgrade's own event stream in the store and prints its steps as they happen. It reads the store,
 * not this process's handlers, so it shows the steps whichever process runs them.
 */
public final class StepFollower {

    private final EventStore store;
    private final String upgradeId;
    private final LiveSteps printer;
    /** The first event appended after the command started; the earlier ones are only recalled. */
    private final long firstShown;
    private long next;

    private StepFollower(EventStore store, String upgradeId, LiveSteps printer, long firstShown) {
        this.store = store;
        this.upgradeId = upgradeId;
        this.printer = printer;
        this.firstShown = firstShown;
    }

    /** Follows from the end of the stream now: call it before sending the command whose steps are to be shown. */
    public static StepFollower fromNow(EventStore store, String upgradeId, LiveSteps printer) {
        return new StepFollower(store, upgradeId, printer,
                store.lastSequenceNumberFor(upgradeId).map(last -> last + 1).orElse(0L));
    }

    /** Prints what was appended since the last call. */
    public void poll() {
        DomainEventStream events = store.readEvents(upgradeId, next);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getSequenceNumber() >= firstShown) {
                printer.show(event.getPayload(), event.getTimestamp());
            } else {
                printer.recall(event.getPayload(), event.getTimestamp());
            }
            next = event.getSequenceNumber() + 1;
        }
        printer.tick(Instant.now());
    }

    /** Prints the last events and leaves plain lines only. */
    public void finish() {
        poll();
        printer.close();
    }
}
