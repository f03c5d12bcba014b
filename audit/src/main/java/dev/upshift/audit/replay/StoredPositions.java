package dev.upshift.audit.replay;

import java.util.Arrays;
import java.util.stream.Stream;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The global positions of the events in the store up to its head, read once before a rebuild: a position
 * that a read model has reached converts exactly to a number of events, gaps in the index notwithstanding.
 *
 * @param headPosition the position of the last event, or -1 for an empty store
 */
record StoredPositions(long headPosition, long[] positions) {

    static StoredPositions upToHead(EventStore eventStore, EventStorageEngine storage) {
        TrackingToken head = eventStore.createHeadToken();
        if (head == null || head.position().isEmpty()) {
            return new StoredPositions(-1, new long[0]);
        }
        long headPosition = head.position().getAsLong();
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(null, false)) {
            long[] positions = events.mapToLong(event -> event.trackingToken().position().orElse(-1))
                    .takeWhile(position -> position <= headPosition)
                    .toArray();
            return new StoredPositions(headPosition, positions);
        }
    }

    long count() {
        return positions.length;
    }

    /** How many events lie at or before a position. */
    long countUpTo(long position) {
        int index = Arrays.binarySearch(positions, position);
        return index >= 0 ? index + 1 : -(index + 1);
    }
}
