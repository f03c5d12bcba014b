package dev.upshift.audit.replay;

import java.util.Iterator;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * One pass over the store that rebuilds every read model, meant to run in one transaction: it resets them and
 * hands each event once to every read model. A failure anywhere rolls all of it back, so the read models stay as
 * they were.
 */
final class SinglePassRebuild {

    /** Often enough to show a long rebuild is alive, rarely enough to cost nothing. */
    static final long REPORT_EVERY = 5_000;

    private final EventStorageEngine storage;
    private final ReadModelHandlers handlers;

    SinglePassRebuild(EventStorageEngine storage, ReadModelHandlers handlers) {
        this.storage = storage;
        this.handlers = handlers;
    }

    /** Replays the store into the read models; {@code total} is the number of events stored, for the progress. */
    long run(long total, Consumer<RebuildProgress> progress) {
        handlers.reset();
        progress.accept(new RebuildProgress(0, total));
        long done = 0;
        try (Stream<? extends TrackedEventMessage<?>> stream = storage.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> events = stream.iterator();
            while (events.hasNext()) {
                handlers.apply(events.next());
                if (++done % REPORT_EVERY == 0) {
                    progress.accept(new RebuildProgress(done, Math.max(done, total)));
                }
            }
        }
        progress.accept(new RebuildProgress(done, done));
        return done;
    }
}
