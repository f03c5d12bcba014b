package dev.upshift.audit.trail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.upshift.audit.store.SqlTime;
import dev.upshift.orchestrator.api.events.UpgradeEvent;
import dev.upshift.orchestrator.api.queries.AuditEntry;
import dev.upshift.orchestrator.api.queries.FindAuditTrail;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Every event of every upgrade with who caused it, when, and what it said in one line. */
@Component
@ProcessingGroup(AuditTrailProjection.PROCESSING_GROUP)
public class AuditTrailProjection {

    public static final String PROCESSING_GROUP = "ReadModel_AuditTrail";

    private static final EventSchema EVENTS = EventSchema.builder().build();

    private final JdbcTemplate jdbc;

    public AuditTrailProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One handler for every event (Axon calls only the most specific one). The global index is the token's when
     * the event comes from reading the store (a rebuild), else its own row's: the handler then runs in the
     * transaction that stored it.
     */
    @EventHandler
    void on(UpgradeEvent event, EventMessage<?> message, @Timestamp Instant at, @SequenceNumber Long sequence,
            @MetaDataValue("actor") String actor, @MetaDataValue("host") String host) {
        long position = message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().orElseThrow(() ->
                        new IllegalStateException("the audit trail needs a store whose tokens have a position"))
                : jdbc.queryForObject("SELECT " + EVENTS.globalIndexColumn() + " FROM " + EVENTS.domainEventTable()
                        + " WHERE " + EVENTS.aggregateIdentifierColumn() + " = ? AND "
                        + EVENTS.sequenceNumberColumn() + " = ?", Long.class, event.upgradeId(), sequence);
        String type = event.getClass().getSimpleName();
        String summary = EventSummaries.of(event);
        // a redelivered event (at-least-once) overwrites its own row
        int updated = jdbc.update("UPDATE audit_trail SET position = ?, occurred_at = ?, event_type = ?, actor = ?, "
                        + "host = ?, summary = ? WHERE upgrade_id = ? AND sequence_number = ?",
                position, SqlTime.of(at), type, actor, host, summary, event.upgradeId(), sequence);
        if (updated == 0) {
            jdbc.update("INSERT INTO audit_trail (upgrade_id, sequence_number, position, occurred_at, event_type, actor, "
                            + "host, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    event.upgradeId(), sequence, position, SqlTime.of(at), type, actor, host, summary);
        }
    }

    @QueryHandler
    public List<AuditEntry> handle(FindAuditTrail query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_trail WHERE 1 = 1");
        List<Object> arguments = new ArrayList<>();
        filter(sql, arguments, " AND upgrade_id = ?", query.upgradeId());
        filter(sql, arguments, " AND occurred_at >= ?", SqlTime.of(query.since()));
        filter(sql, arguments, " AND occurred_at <= ?", SqlTime.of(query.until()));
        filter(sql, arguments, " AND event_type = ?", query.type());
        filter(sql, arguments, " AND actor = ?", query.actor());
        sql.append(" ORDER BY position");
        return jdbc.query(sql.toString(), (row, index) -> new AuditEntry(
                row.getLong("position"),
                SqlTime.instant(row.getTimestamp("occurred_at")),
                row.getString("upgrade_id"),
                row.getLong("sequence_number"),
                row.getString("event_type"),
                row.getString("actor"),
                row.getString("host"),
                row.getString("summary")), arguments.toArray());
    }

    /** Conditions are this class's constants; only the values come from the query, as parameters. */
    private static void filter(StringBuilder sql, List<Object> arguments, String condition, Object value) {
        if (value != null) {
            sql.append(condition);
            arguments.add(value);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM audit_trail");
    }
}
