package dev.upshift.audit.status;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upshift.audit.log.ServerVersion;
import dev.upshift.audit.log.StepNotes;
import dev.upshift.audit.store.SqlTime;
import dev.upshift.orchestrator.api.Baseline;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.UpgradeState;
import dev.upshift.orchestrator.api.UpgradeStatus;
import dev.upshift.orchestrator.api.events.BaselineCaptured;
import dev.upshift.orchestrator.api.events.CleanupCompleted;
import dev.upshift.orchestrator.api.events.ContainerStarted;
import dev.upshift.orchestrator.api.events.DowntimeScheduled;
import dev.upshift.orchestrator.api.events.MaintenanceWindowReached;
import dev.upshift.orchestrator.api.events.NoMaintenanceWindowFits;
import dev.upshift.orchestrator.api.events.OldContainerRecreated;
import dev.upshift.orchestrator.api.events.OldDatabaseVerified;
import dev.upshift.orchestrator.api.events.PreflightFailed;
import dev.upshift.orchestrator.api.events.PreflightStarted;
import dev.upshift.orchestrator.api.events.RehearsalCompleted;
import dev.upshift.orchestrator.api.events.RetentionRemovalFailed;
import dev.upshift.orchestrator.api.events.RollbackFailed;
import dev.upshift.orchestrator.api.events.RollbackInitiated;
import dev.upshift.orchestrator.api.events.RunResumed;
import dev.upshift.orchestrator.api.events.RunStarted;
import dev.upshift.orchestrator.api.events.StepFailed;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.api.events.StepStarted;
import dev.upshift.orchestrator.api.events.ReplicationProgressed;
import dev.upshift.orchestrator.api.events.TransferProgressed;
import dev.upshift.orchestrator.api.events.UpgradeEvent;
import dev.upshift.orchestrator.api.events.UpgradePlanned;
import dev.upshift.orchestrator.api.events.VersionVerified;
import dev.upshift.orchestrator.api.queries.DowntimeWindow;
import dev.upshift.orchestrator.api.queries.FindUpgrade;
import dev.upshift.orchestrator.api.queries.ListUpgrades;
import dev.upshift.orchestrator.api.queries.UpgradeView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One row per upgrade: its plan in brief (the engine it acts on included), its status, the step under way, who
 * drives it, the server that runs now (image and the version last verified), the Phase 0 baseline and the downtime
 * its last rehearsal measured.
 */
@Component
@ProcessingGroup(UpgradeStatusProjection.PROCESSING_GROUP)
public class UpgradeStatusProjection {

    public static final String PROCESSING_GROUP = "ReadModel_UpgradeStatus";
    /** Between the plan's windows in their column: no window's text holds a line break. */
    private static final String WINDOWS_SEPARATOR = "\n";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public UpgradeStatusProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Axon calls only the most specific handler of an event: every later event comes here. */
    @EventHandler
    void on(UpgradeEvent event, @Timestamp Instant at) throws JsonProcessingException {
        if (event instanceof UpgradePlanned planned) {
            planned(planned, at);
            return;
        }
        UpgradeState state = state(event.upgradeId()).next(event);
        jdbc.update("UPDATE upgrade_status SET status = ?, run_active = ?, updated_at = ? WHERE upgrade_id = ?",
                state.status().name(), state.runActive(), SqlTime.of(at), event.upgradeId());
        if (event instanceof StepStarted started) {
            set(event, "current_step", started.step().toString());
        } else if (event instanceof TransferProgressed progressed) {
            set(event, "current_step", progressed.step() + " — " + StepNotes.progress(progressed));
        } else if (event instanceof ReplicationProgressed replicating) {
            set(event, "current_step", replicating.step() + " — " + StepNotes.progress(replicating));
        } else if (event instanceof StepOutcome) {
            set(event, "current_step", null);
        } else if (event instanceof PreflightStarted || event instanceof RunStarted) {
            set(event, "last_failure", null);
        }
        if (event instanceof CleanupCompleted) {
            set(event, "last_failure", null); // a removal that failed before has succeeded
        }
        runner(event).ifPresent(runner -> set(event, "runner", runner));
        failure(event).ifPresent(reason -> {
            set(event, "current_step", null);
            set(event, "last_failure", reason);
        });
        if (event instanceof BaselineCaptured captured) {
            set(event, "baseline", json.writeValueAsString(captured.baseline()));
        } else if (event instanceof RehearsalCompleted rehearsed) {
            jdbc.update("UPDATE upgrade_status SET expected_downtime_millis = ? WHERE upgrade_id = ?",
                    rehearsed.downtime().toMillis(), event.upgradeId());
        }
        currentServer(event);
        downtimeWindow(event, at);
    }

    /** The window the downtime waits for, started in, or none that holds it; the downtime expected. */
    private void downtimeWindow(UpgradeEvent event, Instant at) {
        if (event instanceof DowntimeScheduled scheduled) {
            window(event, scheduled.window(), scheduled.opensAt(), scheduled.closesAt(), scheduled.expectedDowntime(),
                    scheduled.expectedDowntimeSource());
        } else if (event instanceof MaintenanceWindowReached reached) {
            window(event, reached.window(), at, reached.closesAt(), reached.expectedDowntime(),
                    reached.expectedDowntimeSource());
        } else if (event instanceof NoMaintenanceWindowFits none) {
            window(event, null, null, null, none.expectedDowntime(), none.expectedDowntimeSource());
        }
    }

    private void window(UpgradeEvent event, String window, Instant starts, Instant closes, Duration expected,
                        String source) {
        jdbc.update("UPDATE upgrade_status SET downtime_window = ?, downtime_starts_at = ?, window_closes_at = ?, "
                        + "expected_downtime_ms = ?, expected_downtime_source = ? WHERE upgrade_id = ?",
                window, SqlTime.of(starts), SqlTime.of(closes), expected.toMillis(), source, event.upgradeId());
    }

    /** Which server runs the database: the new one from its start (3.5), the old one again once recreated. */
    private void currentServer(UpgradeEvent event) {
        if (event instanceof BaselineCaptured captured) {
            set(event, "current_version", ServerVersion.brief(captured.baseline().serverVersion()));
        } else if (event instanceof ContainerStarted started) {
            jdbc.update("UPDATE upgrade_status SET current_image = ?, current_version = NULL WHERE upgrade_id = ?",
                    started.image(), event.upgradeId());
        } else if (event instanceof VersionVerified verified) {
            set(event, "current_version", ServerVersion.brief(verified.serverVersion()));
        } else if (event instanceof OldContainerRecreated) {
            jdbc.update("UPDATE upgrade_status SET current_image = source_image, current_version = NULL "
                    + "WHERE upgrade_id = ?", event.upgradeId());
        } else if (event instanceof OldDatabaseVerified verified) {
            set(event, "current_version", ServerVersion.brief(verified.serverVersion()));
        }
    }

    private void planned(UpgradePlanned event, Instant at) {
        UpgradePlan plan = event.plan();
        jdbc.update("INSERT INTO upgrade_status (upgrade_id, status, run_active, project, service, source_image, "
                        + "target_image, current_image, method, stop_order, planned_at, updated_at, engine, windows) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.upgradeId(), UpgradeStatus.PLANNED.name(), false, plan.project(), plan.service(),
                plan.sourceImage(), plan.targetImage(), plan.sourceImage(), plan.method().label(), String.join(",", plan.stopOrder()),
                SqlTime.of(at), SqlTime.of(at), plan.dockerHost(),
                plan.windows().isEmpty() ? null : String.join(WINDOWS_SEPARATOR, plan.windows()));
    }

    private static Optional<String> failure(UpgradeEvent event) {
        if (event instanceof PreflightFailed failed) {
            return Optional.of(failed.step().number() + ": " + failed.reason());
        }
        if (event instanceof StepFailed failed) {
            return Optional.of(failed.step().number() + ": " + failed.reason());
        }
        if (event instanceof RollbackFailed failed) {
            return Optional.of(failed.step().number() + ": " + failed.reason() + " — left " + failed.leftForOperator());
        }
        if (event instanceof RetentionRemovalFailed failed) {
            return Optional.of(failed.step().number() + ": " + failed.reason() + (failed.retryAt() == null
                    ? " — not tried again by itself" : " — tried again at " + failed.retryAt()));
        }
        return Optional.empty();
    }

    /** The process (or the nodes) that drives the upgrade from this event on. */
    private static Optional<String> runner(UpgradeEvent event) {
        if (event instanceof PreflightStarted started) {
            return Optional.of(started.runner());
        }
        if (event instanceof RunStarted started) {
            return Optional.of(started.runner());
        }
        if (event instanceof RunResumed resumed) {
            return Optional.of(resumed.runner());
        }
        if (event instanceof RollbackInitiated initiated) {
            return Optional.of(initiated.runner());
        }
        if (event instanceof DowntimeScheduled scheduled) {
            return Optional.of(scheduled.runner());
        }
        return Optional.empty();
    }

    private UpgradeState state(String upgradeId) {
        return jdbc.queryForObject("SELECT status, run_active FROM upgrade_status WHERE upgrade_id = ?",
                (row, index) -> new UpgradeState(UpgradeStatus.valueOf(row.getString(1)), row.getBoolean(2)),
                upgradeId);
    }

    /** Column names are this class's own constants, never input. */
    private void set(UpgradeEvent event, String column, String value) {
        jdbc.update("UPDATE upgrade_status SET " + column + " = ? WHERE upgrade_id = ?", value, event.upgradeId());
    }

    @QueryHandler
    public UpgradeView handle(FindUpgrade query) {
        return jdbc.query("SELECT * FROM upgrade_status WHERE upgrade_id = ?", this::view, query.upgradeId())
                .stream().findFirst().orElse(null);
    }

    @QueryHandler
    public List<UpgradeView> handle(ListUpgrades query) {
        return jdbc.query("SELECT * FROM upgrade_status ORDER BY planned_at DESC, upgrade_id", this::view);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM upgrade_status");
    }

    private UpgradeView view(ResultSet row, int index) throws SQLException {
        return new UpgradeView(
                row.getString("upgrade_id"),
                UpgradeStatus.valueOf(row.getString("status")),
                row.getString("project"),
                row.getString("service"),
                row.getString("source_image"),
                row.getString("target_image"),
                row.getString("current_image"),
                row.getString("current_version"),
                row.getString("method"),
                Arrays.asList(row.getString("stop_order").split(",")),
                SqlTime.instant(row.getTimestamp("planned_at")),
                SqlTime.instant(row.getTimestamp("updated_at")),
                row.getString("current_step"),
                row.getString("last_failure"),
                baseline(row.getString("baseline")),
                row.getString("runner"),
                row.getString("engine"),
                expectedDowntime(row), downtimeWindow(row));
    }

    private static Duration expectedDowntime(ResultSet row) throws SQLException {
        long millis = row.getLong("expected_downtime_millis");
        return row.wasNull() ? null : Duration.ofMillis(millis);
    }


    private static DowntimeWindow downtimeWindow(ResultSet row) throws SQLException {
        String windows = row.getString("windows");
        if (windows == null) {
            return null;
        }
        Long expected = row.getObject("expected_downtime_ms", Long.class);
        return new DowntimeWindow(List.of(windows.split(WINDOWS_SEPARATOR)), row.getString("downtime_window"),
                SqlTime.instant(row.getTimestamp("downtime_starts_at")),
                SqlTime.instant(row.getTimestamp("window_closes_at")),
                expected == null ? null : Duration.ofMillis(expected), row.getString("expected_downtime_source"));
    }

    private Baseline baseline(String stored) {
        try {
            return stored == null ? null : json.readValue(stored, Baseline.class);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("unreadable baseline in upgrade_status", unreadable);
        }
    }
}
