package dev.upshift.audit.status;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upshift.audit.store.SqlTime;
import dev.upshift.orchestrator.api.Baseline;
import dev.upshift.orchestrator.api.BaselineCaptured;
import dev.upshift.orchestrator.api.FindUpgrade;
import dev.upshift.orchestrator.api.ListUpgrades;
import dev.upshift.orchestrator.api.PreflightFailed;
import dev.upshift.orchestrator.api.PreflightPassed;
import dev.upshift.orchestrator.api.PreflightStarted;
import dev.upshift.orchestrator.api.StepOutcome;
import dev.upshift.orchestrator.api.StepStarted;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.UpgradePlanned;
import dev.upshift.orchestrator.api.UpgradeStatus;
import dev.upshift.orchestrator.api.UpgradeView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** One row per upgrade: its plan in brief, its status, the step under way and the Phase 0 baseline. */
@Component
@ProcessingGroup(UpgradeStatusProjection.PROCESSING_GROUP)
public class UpgradeStatusProjection {

    public static final String PROCESSING_GROUP = "ReadModel_UpgradeStatus";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public UpgradeStatusProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(UpgradePlanned event, @Timestamp Instant at) {
        UpgradePlan plan = event.plan();
        jdbc.update("INSERT INTO upgrade_status (upgrade_id, status, project, service, source_image, target_image, "
                        + "method, stop_order, planned_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.upgradeId(), UpgradeStatus.PLANNED.name(), plan.project(), plan.service(), plan.sourceImage(),
                plan.targetImage(), plan.method().label(), String.join(",", plan.stopOrder()), SqlTime.of(at), SqlTime.of(at));
    }

    @EventHandler
    void on(PreflightStarted event, @Timestamp Instant at) {
        jdbc.update("UPDATE upgrade_status SET status = ?, last_failure = NULL, updated_at = ? WHERE upgrade_id = ?",
                UpgradeStatus.PREFLIGHT_RUNNING.name(), SqlTime.of(at), event.upgradeId());
    }

    @EventHandler
    void on(StepStarted event, @Timestamp Instant at) {
        jdbc.update("UPDATE upgrade_status SET current_step = ?, updated_at = ? WHERE upgrade_id = ?",
                event.step().toString(), SqlTime.of(at), event.upgradeId());
    }

    @EventHandler
    void on(StepOutcome event, @Timestamp Instant at) {
        jdbc.update("UPDATE upgrade_status SET current_step = NULL, updated_at = ? WHERE upgrade_id = ?",
                SqlTime.of(at), event.upgradeId());
    }

    @EventHandler
    void on(BaselineCaptured event) throws JsonProcessingException {
        jdbc.update("UPDATE upgrade_status SET baseline = ? WHERE upgrade_id = ?",
                json.writeValueAsString(event.baseline()), event.upgradeId());
    }

    @EventHandler
    void on(PreflightFailed event, @Timestamp Instant at) {
        jdbc.update("UPDATE upgrade_status SET status = ?, current_step = NULL, last_failure = ?, updated_at = ? "
                        + "WHERE upgrade_id = ?",
                UpgradeStatus.PREFLIGHT_FAILED.name(), event.step().number() + ": " + event.reason(), SqlTime.of(at),
                event.upgradeId());
    }

    @EventHandler
    void on(PreflightPassed event, @Timestamp Instant at) {
        jdbc.update("UPDATE upgrade_status SET status = ?, updated_at = ? WHERE upgrade_id = ?",
                UpgradeStatus.PREFLIGHT_PASSED.name(), SqlTime.of(at), event.upgradeId());
    }

    @QueryHandler
    public UpgradeView handle(FindUpgrade query) {
        return jdbc.query("SELECT * FROM upgrade_status WHERE upgrade_id = ?", this::view, query.upgradeId())
                .stream().findFirst().orElse(null);
    }

    @QueryHandler
    public List<UpgradeView> handle(ListUpgrades query) {
        return jdbc.query("SELECT * FROM upgrade_status ORDER BY planned_at DESC", this::view);
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
                row.getString("method"),
                Arrays.asList(row.getString("stop_order").split(",")),
                SqlTime.instant(row.getTimestamp("planned_at")),
                SqlTime.instant(row.getTimestamp("updated_at")),
                row.getString("current_step"),
                row.getString("last_failure"),
                baseline(row.getString("baseline")));
    }

    private Baseline baseline(String stored) {
        try {
            return stored == null ? null : json.readValue(stored, Baseline.class);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("unreadable baseline in upgrade_status", unreadable);
        }
    }
}
