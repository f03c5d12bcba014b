package dev.upshift.audit.components;

import static dev.upshift.orchestrator.api.queries.ComponentStatus.DATABASE;
import static dev.upshift.orchestrator.api.queries.ComponentStatus.SITE;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.upshift.audit.store.SqlTime;
import dev.upshift.orchestrator.api.events.UpgradeEvent;
import dev.upshift.orchestrator.api.events.UpgradePlanned;
import dev.upshift.orchestrator.api.queries.ComponentStatus;
import dev.upshift.orchestrator.api.queries.FindComponentStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The runbook's status tables, observed: for each moment of an upgrade ("Before upgrade", "During Phase 3.1-3.2",
 * …) each component's status at its end. A new moment starts as a copy of the one before and changes as facts
 * come in, so the last moment is always the current status.
 */
@Component
@ProcessingGroup(ComponentStatusProjection.PROCESSING_GROUP)
public class ComponentStatusProjection {

    public static final String PROCESSING_GROUP = "ReadModel_ComponentStatus";

    private final JdbcTemplate jdbc;

    public ComponentStatusProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One handler for every event (Axon calls only the most specific one of a class). */
    @EventHandler
    void on(UpgradeEvent event, @Timestamp Instant at) {
        if (event instanceof UpgradePlanned planned) {
            planned(planned, at);
            return;
        }
        Optional<CurrentMoment> current = current(event.upgradeId());
        if (current.isEmpty()) {
            return; // an upgrade planned before this read model existed is rebuilt by a replay
        }
        int position = Moment.of(event)
                .filter(moment -> !moment.label().equals(current.get().label()))
                .map(moment -> enter(event.upgradeId(), current.get().position(), moment, at))
                .orElse(current.get().position());
        for (ComponentChange change : ObservedFacts.of(event)) {
            jdbc.update("UPDATE component_status SET status = ?, experience = ?, changed_at = ? "
                            + "WHERE upgrade_id = ? AND moment_position = ? AND component = ?",
                    change.status(), change.experience(), SqlTime.of(at), event.upgradeId(), position,
                    change.component());
        }
    }

    /** The site, the dependents in the order they start, the database — none of them checked yet. */
    private void planned(UpgradePlanned event, Instant at) {
        if (current(event.upgradeId()).isPresent()) {
            return; // redelivered
        }
        List<String> components = new ArrayList<>();
        components.add(SITE);
        components.addAll(event.plan().startOrder());
        components.add(DATABASE);
        List<Object[]> rows = new ArrayList<>();
        for (int index = 0; index < components.size(); index++) {
            rows.add(new Object[] {event.upgradeId(), 0, Moment.BEFORE.label(), SqlTime.of(at), index,
                    components.get(index), ObservedFacts.NOT_CHECKED, "Checked by the pre-flight", SqlTime.of(at)});
        }
        insert(rows);
    }

    /** Starts a moment with every component as the previous moment left it; returns its position. */
    private int enter(String upgradeId, int previous, Moment moment, Instant at) {
        int position = previous + 1;
        List<Object[]> rows = jdbc.query("SELECT * FROM component_status WHERE upgrade_id = ? AND moment_position = ?",
                (row, index) -> new Object[] {upgradeId, position, moment.label(), SqlTime.of(at),
                        row.getInt("component_position"), row.getString("component"), row.getString("status"),
                        row.getString("experience"), row.getTimestamp("changed_at")},
                upgradeId, previous);
        insert(rows);
        return position;
    }

    private void insert(List<Object[]> rows) {
        jdbc.batchUpdate("INSERT INTO component_status (upgrade_id, moment_position, moment, moment_started, "
                + "component_position, component, status, experience, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    private Optional<CurrentMoment> current(String upgradeId) {
        return jdbc.query("SELECT moment_position, moment FROM component_status WHERE upgrade_id = ? "
                                + "ORDER BY moment_position DESC LIMIT 1",
                        (row, index) -> new CurrentMoment(row.getInt(1), row.getString(2)), upgradeId)
                .stream().findFirst();
    }

    @QueryHandler
    public List<ComponentStatus> handle(FindComponentStatus query) {
        return jdbc.query("SELECT * FROM component_status WHERE upgrade_id = ? ORDER BY moment_position, "
                + "component_position", ComponentStatusProjection::status, query.upgradeId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM component_status");
    }

    private static ComponentStatus status(ResultSet row, int index) throws SQLException {
        return new ComponentStatus(
                row.getString("moment"),
                SqlTime.instant(row.getTimestamp("moment_started")),
                row.getString("component"),
                row.getString("status"),
                row.getString("experience"),
                SqlTime.instant(row.getTimestamp("changed_at")));
    }

    private record CurrentMoment(int position, String label) {
    }
}
