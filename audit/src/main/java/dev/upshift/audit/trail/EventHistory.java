package dev.upshift.audit.trail;

import java.util.List;

import dev.upshift.orchestrator.api.queries.FindEvents;
import dev.upshift.orchestrator.api.queries.StoredEvent;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** An upgrade's raw history, straight from the event store: no read model stands between it and the operator. */
@Component
public class EventHistory {

    private final EventStore eventStore;

    public EventHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    public List<StoredEvent> handle(FindEvents query) {
        return eventStore.readEvents(query.upgradeId()).asStream()
                .map(event -> new StoredEvent(event.getSequenceNumber(), event.getTimestamp(),
                        event.getPayloadType().getSimpleName(), event.getPayload(), event.getMetaData()))
                .toList();
    }
}
