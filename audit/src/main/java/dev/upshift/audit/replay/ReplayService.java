package dev.upshift.audit.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upshift.audit.components.ComponentStatusProjection;
import dev.upshift.audit.drive.DriveClaims;
import dev.upshift.audit.log.ExecutionLogProjection;
import dev.upshift.audit.status.UpgradeStatusProjection;
import dev.upshift.audit.store.SqlTime;
import dev.upshift.audit.summary.UpgradeSummaryProjection;
import dev.upshift.orchestrator.api.queries.FindUpgradeAt;
import dev.upshift.orchestrator.api.queries.UpgradeAt;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one service that replays history: {@link #rebuild} resets every read model and replays the whole store into
 * it; {@link #stateAt} folds one upgrade's events up to an instant through the same read-model handlers, on a
 * scratch store, to show where the upgrade stood then. Automations (the step dispatchers) are never replayed.
 */
@Component
public class ReplayService {

    public static final String READ_MODEL_PREFIX = "ReadModel_";

    private final DriveClaims drives;
    private final EventStore eventStore;
    private final EventStorageEngine storage;
    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final ListableBeanFactory beans;
    private final ObjectMapper json;
    private final StateReadModels live;

    public ReplayService(DriveClaims drives, EventStore eventStore, EventStorageEngine storage,
                         TransactionManager transactions, JdbcTemplate jdbc,
                         ListableBeanFactory beans, ObjectMapper json, UpgradeStatusProjection status,
                         ExecutionLogProjection log, ComponentStatusProjection components,
                         UpgradeSummaryProjection summary) {
        this.drives = drives;
        this.eventStore = eventStore;
        this.storage = storage;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.beans = beans;
        this.json = json;
        this.live = new StateReadModels(status, log, components, summary);
    }

    /**
     * Rebuilds every read model in one pass over the store, in one transaction: all of them or, on a failure, none.
     * Refused while a process drives an upgrade: its events would go into tables being rewritten.
     */
    public RebuildResult rebuild(Consumer<RebuildProgress> progress) {
        drives.alive().stream().findFirst().ifPresent(claim -> {
            throw new IllegalStateException(claim.describe(Instant.now())
                    + "; rebuild when no upgrade is being driven (`upshift list`)");
        });
        Map<String, List<Object>> readModels = readModels();
        SinglePassRebuild rebuild = new SinglePassRebuild(storage,
                new ReadModelHandlers(readModels.values().stream().flatMap(List::stream).toList()));
        long events = transactions.fetchInTransaction(() -> rebuild.run(storedEvents(), progress));
        return new RebuildResult(events, List.copyOf(readModels.keySet()));
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
            ReadModelHandlers handlers = new ReadModelHandlers(List.of(readModels.all()));
            events.forEach(handlers::apply);
            return readModels.answer(upgradeId, at, events.size());
        }
    }

    /** The beans of every {@code ReadModel_*} processing group, by group. */
    private Map<String, List<Object>> readModels() {
        Map<String, List<Object>> readModels = new TreeMap<>();
        for (String name : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            String group = beans.findAnnotationOnBean(name, ProcessingGroup.class).value();
            if (group.startsWith(READ_MODEL_PREFIX)) {
                readModels.computeIfAbsent(group, any -> new ArrayList<>()).add(beans.getBean(name));
            }
        }
        return readModels;
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + EventSchema.builder().build().domainEventTable(), Long.class);
    }
}
