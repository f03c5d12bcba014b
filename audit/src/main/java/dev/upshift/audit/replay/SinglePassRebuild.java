package dev.upshift.audit.replay;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * One pass over the store that rebuilds every read model, meant to run in one transaction: it claims the read
 * models' tokens, resets them, hands each event once to every read model, and leaves each segment's token at the
 * last event. A failure anywhere rolls all of it back, so the read models stay as they were.
 */
final class SinglePassRebuild {

    /** Often enough to show a long rebuild is alive, rarely enough to cost nothing. */
    static final long REPORT_EVERY = 5_000;

    private final TokenStore tokens;
    private final EventStorageEngine storage;
    private final Set<String> processingGroups;
    private final ReadModelHandlers handlers;

    SinglePassRebuild(TokenStore tokens, EventStorageEngine storage, Set<String> processingGroups,
                      ReadModelHandlers handlers) {
        this.tokens = tokens;
        this.storage = storage;
        this.processingGroups = processingGroups;
        this.handlers = handlers;
    }

    /** Replays the store into the read models; {@code total} is the number of events stored, for the progress. */
    long run(long total, Consumer<RebuildProgress> progress) {
        Map<String, int[]> segments = claim();
        handlers.reset();
        progress.accept(new RebuildProgress(0, total));
        long done = 0;
        TrackingToken last = null;
        try (Stream<? extends TrackedEventMessage<?>> stream = storage.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> events = stream.iterator();
            while (events.hasNext()) {
                TrackedEventMessage<?> event = events.next();
                handlers.apply(event);
                last = event.trackingToken();
                if (++done % REPORT_EVERY == 0) {
                    progress.accept(new RebuildProgress(done, Math.max(done, total)));
                }
            }
        }
        storeAndRelease(segments, last);
        progress.accept(new RebuildProgress(done, done));
        return done;
    }

    /** Another process working on the store holds the read models' tokens: their rebuild must wait until it ends. */
    private Map<String, int[]> claim() {
        Map<String, int[]> segments = new LinkedHashMap<>();
        for (String group : processingGroups) {
            if (tokens.fetchSegments(group).length == 0) {
                tokens.initializeTokenSegments(group, 1);
            }
            int[] ids = tokens.fetchSegments(group);
            for (int segment : ids) {
                try {
                    tokens.fetchToken(group, segment);
                } catch (UnableToClaimTokenException claimedElsewhere) {
                    throw new IllegalStateException("another Upshift process holds the read model " + group
                            + "; rebuild when no other upshift command is running", claimedElsewhere);
                }
            }
            segments.put(group, ids);
        }
        return segments;
    }

    private void storeAndRelease(Map<String, int[]> segments, TrackingToken last) {
        segments.forEach((group, ids) -> {
            for (int segment : ids) {
                tokens.storeToken(last, group, segment);
                tokens.releaseClaim(group, segment);
            }
        });
    }
}
