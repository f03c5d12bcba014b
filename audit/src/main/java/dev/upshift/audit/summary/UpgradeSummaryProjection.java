package dev.upshift.audit.summary;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import dev.upshift.audit.log.ServerVersion;
import dev.upshift.audit.store.SqlTime;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.UpgradeState;
import dev.upshift.orchestrator.api.UpgradeStatus;
import dev.upshift.orchestrator.api.events.BaselineCaptured;
import dev.upshift.orchestrator.api.events.CompatibilityChecked;
import dev.upshift.orchestrator.api.events.DependentsRestarted;
import dev.upshift.orchestrator.api.events.DependentsStopped;
import dev.upshift.orchestrator.api.events.RollbackCompleted;
import dev.upshift.orchestrator.api.events.RollbackFailed;
import dev.upshift.orchestrator.api.events.RollbackInitiated;
import dev.upshift.orchestrator.api.events.ServiceStopped;
import dev.upshift.orchestrator.api.events.ServicesRestored;
import dev.upshift.orchestrator.api.events.StepStarted;
import dev.upshift.orchestrator.api.events.UpgradeCompleted;
import dev.upshift.orchestrator.api.events.UpgradeEvent;
import dev.upshift.orchestrator.api.events.UpgradePlanned;
import dev.upshift.orchestrator.api.events.VersionVerified;
import dev.upshift.orchestrator.api.events.VolumeSnapshotted;
import dev.upshift.orchestrator.api.queries.FindUpgradeSummary;
import dev.upshift.orchestrator.api.queries.UpgradeSummary;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** One row per upgrade with the post-mortem's figures: versions, start and end, downtime, rollback. */
@Component
@ProcessingGroup(UpgradeSummaryProjection.PROCESSING_GROUP)
public class UpgradeSummaryProjection {

    public static final String PROCESSING_GROUP = "ReadModel_UpgradeSummary";

    private final JdbcTemplate jdbc;

    public UpgradeSummaryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One handler for every event (Axon calls only the most specific one of a class). */
    @EventHandler
    void on(UpgradeEvent event, @Timestamp Instant at) {
        if (event instanceof UpgradePlanned planned) {
            planned(planned, at);
            return;
        }
        UpgradeState state = state(event.upgradeId()).next(event);
        update(event, "UPDATE upgrade_summary SET status = ?, run_active = ?, last_event_at = ?",
                state.status().name(), state.runActive(), SqlTime.of(at));
        var time = SqlTime.of(at);
        if (event instanceof StepStarted) {
            update(event, "UPDATE upgrade_summary SET started_at = COALESCE(started_at, ?)", time);
        } else if (event instanceof BaselineCaptured captured) {
            update(event, "UPDATE upgrade_summary SET source_version = ?",
                    ServerVersion.brief(captured.baseline().serverVersion()));
        } else if (event instanceof CompatibilityChecked checked) {
            update(event, "UPDATE upgrade_summary SET target_version = ?", ServerVersion.brief(checked.serverVersion()));
        } else if (event instanceof VersionVerified verified) {
            update(event, "UPDATE upgrade_summary SET target_version = ?", ServerVersion.brief(verified.serverVersion()));
        } else if (event instanceof VolumeSnapshotted snapshot) {
            update(event, "UPDATE upgrade_summary SET new_volume = ?", snapshot.newVolume());
        } else if (event instanceof ServiceStopped || event instanceof DependentsStopped) {
            // the site goes down with the first dependent stopped; later stops change nothing
            update(event, "UPDATE upgrade_summary SET down_since = COALESCE(down_since, ?), "
                    + "downtime_started = COALESCE(downtime_started, ?)", time, time);
        } else if (event instanceof ServicesRestored || event instanceof DependentsRestarted) {
            jdbc.update("UPDATE upgrade_summary SET downtime_millis = downtime_millis + ?, down_since = NULL, "
                            + "downtime_ended = ? WHERE upgrade_id = ? AND down_since IS NOT NULL",
                    downFor(event.upgradeId(), at), time, event.upgradeId());
        } else if (event instanceof RollbackInitiated rollback) {
            update(event, "UPDATE upgrade_summary SET rollback_reason = ?, failed_step = ?, rollback_started = ?, "
                            + "rollback_ended = NULL", rollback.reason(),
                    rollback.failedStep() == null ? null : rollback.failedStep().toString(), time);
        } else if (event instanceof RollbackCompleted) {
            update(event, "UPDATE upgrade_summary SET rolled_back = TRUE, rollback_ended = ?, ended_at = ?", time, time);
        } else if (event instanceof RollbackFailed || event instanceof UpgradeCompleted) {
            update(event, "UPDATE upgrade_summary SET ended_at = ?", time);
        }
    }

    private void planned(UpgradePlanned event, Instant at) {
        UpgradePlan plan = event.plan();
        if (!jdbc.queryForList("SELECT 1 FROM upgrade_summary WHERE upgrade_id = ?", event.upgradeId()).isEmpty()) {
            return; // redelivered
        }
        jdbc.update("INSERT INTO upgrade_summary (upgrade_id, project, method, status, run_active, data_volume, "
                        + "downtime_millis, last_event_at, rolled_back) VALUES (?, ?, ?, ?, FALSE, ?, 0, ?, FALSE)",
                event.upgradeId(), plan.project(), plan.method().label(), UpgradeStatus.PLANNED.name(), plan.volume(),
                SqlTime.of(at));
    }

    private long downFor(String upgradeId, Instant at) {
        Instant since = jdbc.queryForObject("SELECT down_since FROM upgrade_summary WHERE upgrade_id = ?",
                (row, index) -> instant(row, "down_since"), upgradeId);
        return since == null ? 0 : Duration.between(since, SqlTime.stored(at)).toMillis();
    }

    private UpgradeState state(String upgradeId) {
        return jdbc.queryForObject("SELECT status, run_active FROM upgrade_summary WHERE upgrade_id = ?",
                (row, index) -> new UpgradeState(UpgradeStatus.valueOf(row.getString(1)), row.getBoolean(2)),
                upgradeId);
    }

    /** Statements are this class's constants; only values come from events, as parameters. */
    private void update(UpgradeEvent event, String set, Object... values) {
        Object[] arguments = new Object[values.length + 1];
        System.arraycopy(values, 0, arguments, 0, values.length);
        arguments[values.length] = event.upgradeId();
        jdbc.update(set + " WHERE upgrade_id = ?", arguments);
    }

    @QueryHandler
    public UpgradeSummary handle(FindUpgradeSummary query) {
        return jdbc.query("SELECT * FROM upgrade_summary WHERE upgrade_id = ?", UpgradeSummaryProjection::summary,
                query.upgradeId()).stream().findFirst().orElse(null);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM upgrade_summary");
    }

    private static UpgradeSummary summary(ResultSet row, int index) throws SQLException {
        Instant downtimeStarted = instant(row, "downtime_started");
        Instant downSince = instant(row, "down_since");
        Instant lastEvent = instant(row, "last_event_at");
        Duration downtime = downtimeStarted == null ? null : Duration.ofMillis(row.getLong("downtime_millis"))
                .plus(downSince == null ? Duration.ZERO : Duration.between(downSince, lastEvent));
        Instant rollbackStarted = instant(row, "rollback_started");
        Instant rollbackEnded = instant(row, "rollback_ended");
        return new UpgradeSummary(
                row.getString("upgrade_id"),
                row.getString("project"),
                row.getString("source_version"),
                row.getString("target_version"),
                row.getString("method"),
                UpgradeStatus.valueOf(row.getString("status")),
                instant(row, "started_at"),
                instant(row, "ended_at"),
                downtimeStarted,
                instant(row, "downtime_ended"),
                downtime,
                downSince != null,
                row.getBoolean("rolled_back"),
                row.getString("rollback_reason"),
                row.getString("failed_step"),
                rollbackStarted,
                rollbackEnded,
                rollbackStarted == null || rollbackEnded == null ? null : Duration.between(rollbackStarted, rollbackEnded),
                row.getString("data_volume"),
                row.getString("new_volume"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return SqlTime.instant(row.getTimestamp(column));
    }
}
