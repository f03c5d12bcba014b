package dev.upshift.audit.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upshift.audit.components.ComponentStatusProjection;
import dev.upshift.audit.log.ExecutionLogProjection;
import dev.upshift.audit.status.UpgradeStatusProjection;
import dev.upshift.audit.store.SqlTime;
import dev.upshift.audit.summary.UpgradeSummaryProjection;
import dev.upshift.orchestrator.api.FindUpgradeAt;
import dev.upshift.orchestrator.api.UpgradeAt;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The one service that replays history: {@link #rebuild} resets every read model and replays the whole store into
 * it; {@link #stateAt} folds one upgrade's events up to an instant through the same read-model handlers, on a
 * scratch store, to show where the upgrade stood then. Automations (the saga) are never replayed.
 */
@Component
public class ReplayService {

    public static final String READ_MODEL_PREFIX = "ReadModel_";
    private static final Duration REBUILD_TIMEOUT = Duration.ofMinutes(10);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final EventStorageEngine storage;
    private final ObjectMapper json;
    private final StateReadModels live;

    public ReplayService(EventProcessingConfiguration processing, EventStore eventStore, EventStorageEngine storage,
                         ObjectMapper json, UpgradeStatusProjection status, ExecutionLogProjection log,
                         ComponentStatusProjection components, UpgradeSummaryProjection summary) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.storage = storage;
        this.json = json;
        this.live = new StateReadModels(status, log, components, summary);
    }

    /** Resets every read model and waits until each has replayed the store as it was when the rebuild began. */
    public RebuildResult rebuild(Consumer<RebuildProgress> progress) {
        return rebuild(progress, REBUILD_TIMEOUT);
    }

    public RebuildResult rebuild(Consumer<RebuildProgress> progress, Duration timeout) {
        Map<String, StreamingEventProcessor> readModels = readModels();
        StoredPositions stored = StoredPositions.upToHead(eventStore, storage);
        readModels.values().forEach(StreamingEventProcessor::shutDown);
        try {
            readModels.forEach(ReplayService::reset);
        } finally {
            readModels.values().forEach(StreamingEventProcessor::start); // a failed reset leaves them running as they were
        }
        new CatchUp(readModels, stored, timeout).await(progress);
        return new RebuildResult(stored.count(), List.copyOf(readModels.keySet()));
    }

    /** Where an upgrade stood at an instant (its events up to then), or now (the live read models) for a null instant. */
    @QueryHandler
    public UpgradeAt handle(FindUpgradeAt query) {
        if (query.at() == null) {
            int events = eventStore.lastSequenceNumberFor(query.upgradeId()).map(last -> (int) (last + 1)).orElse(0);
            return live.answer(query.upgradeId(), null, events);
        }
        return stateAt(query.upgradeId(), query.at());
    }

    public UpgradeAt stateAt(String upgradeId, Instant at) {
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(upgradeId).asStream()
                .filter(event -> !SqlTime.stored(event.getTimestamp()).isAfter(at)) // as the read models show times
                .toList();
        try (ScratchStore scratch = ScratchStore.open()) {
            StateReadModels readModels = StateReadModels.on(scratch.jdbc(), json);
            List<AnnotationEventHandlerAdapter> handlers = Arrays.stream(readModels.all())
                    .map(AnnotationEventHandlerAdapter::new).toList();
            for (DomainEventMessage<?> event : events) {
                for (AnnotationEventHandlerAdapter handler : handlers) {
                    apply(handler, event);
                }
            }
            return readModels.answer(upgradeId, at, events.size());
        }
    }

    /** Axon's own adapter invokes the handlers, so parameters and the most-specific-handler rule are as in a processor. */
    private static void apply(AnnotationEventHandlerAdapter handler, DomainEventMessage<?> event) {
        if (!handler.canHandle(event)) {
            return;
        }
        try {
            handler.handle(event);
        } catch (Exception failure) {
            throw new IllegalStateException("replaying event " + event.getSequenceNumber() + " of "
                    + event.getAggregateIdentifier() + " failed: " + failure.getMessage(), failure);
        }
    }

    /** Another process working on the store holds the read models' tokens: their reset must wait until it ends. */
    private static void reset(String name, StreamingEventProcessor readModel) {
        try {
            readModel.resetTokens();
        } catch (UnableToClaimTokenException claimedElsewhere) {
            throw new IllegalStateException("another Upshift process holds the read model " + name
                    + "; rebuild when no other upshift command is running", claimedElsewhere);
        }
    }

    private Map<String, StreamingEventProcessor> readModels() {
        Map<String, StreamingEventProcessor> readModels = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (name.startsWith(READ_MODEL_PREFIX) && processor instanceof StreamingEventProcessor streaming) {
                readModels.put(name, streaming);
            }
        });
        return readModels;
    }
}
