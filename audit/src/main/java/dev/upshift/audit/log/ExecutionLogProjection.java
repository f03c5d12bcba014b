package dev.upshift.audit.log;

import java.time.Instant;
import java.util.List;

import dev.upshift.audit.store.SqlTime;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.events.PreflightFailed;
import dev.upshift.orchestrator.api.events.RetentionRemovalFailed;
import dev.upshift.orchestrator.api.events.RollbackFailed;
import dev.upshift.orchestrator.api.events.StepFailed;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.api.events.StepStarted;
import dev.upshift.orchestrator.api.events.TransferProgressed;
import dev.upshift.orchestrator.api.queries.FindExecutionLog;
import dev.upshift.orchestrator.api.queries.LogEntry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The runbook's execution log table — step, started, ended, status, notes — for every upgrade. */
@Component
@ProcessingGroup(ExecutionLogProjection.PROCESSING_GROUP)
public class ExecutionLogProjection {

    public static final String PROCESSING_GROUP = "ReadModel_ExecutionLog";

    private final JdbcTemplate jdbc;

    public ExecutionLogProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(StepStarted event, @Timestamp Instant at) {
        Step step = event.step();
        int updated = jdbc.update("UPDATE execution_log SET title = ?, started_at = ?, ended_at = NULL, status = ?, "
                        + "notes = NULL WHERE upgrade_id = ? AND step_number = ?",
                step.title(), SqlTime.of(at), LogEntry.RUNNING, event.upgradeId(), step.number());
        if (updated == 0) {
            jdbc.update("INSERT INTO execution_log (upgrade_id, step_number, position, title, started_at, status) "
                            + "VALUES (?, ?, ?, ?, ?, ?)",
                    event.upgradeId(), step.number(), step.position(), step.title(), SqlTime.of(at), LogEntry.RUNNING);
        }
    }

    @EventHandler
    void on(StepOutcome event, @Timestamp Instant at) {
        end(event.upgradeId(), event.step(), at, LogEntry.DONE, StepNotes.of(event));
    }

    /** A running step's note says how far it is, until its outcome gives the note it ends with. */
    @EventHandler
    void on(TransferProgressed event) {
        jdbc.update("UPDATE execution_log SET notes = ? WHERE upgrade_id = ? AND step_number = ? AND status = ?",
                StepNotes.progress(event), event.upgradeId(), event.step().number(), LogEntry.RUNNING);
    }

    @EventHandler
    void on(PreflightFailed event, @Timestamp Instant at) {
        end(event.upgradeId(), event.step(), at, LogEntry.FAILED, event.reason());
    }

    @EventHandler
    void on(StepFailed event, @Timestamp Instant at) {
        end(event.upgradeId(), event.step(), at, LogEntry.FAILED, event.reason());
    }

    @EventHandler
    void on(RollbackFailed event, @Timestamp Instant at) {
        end(event.upgradeId(), event.step(), at, LogEntry.FAILED, event.reason());
    }

    @EventHandler
    void on(RetentionRemovalFailed event, @Timestamp Instant at) {
        end(event.upgradeId(), event.step(), at, LogEntry.FAILED, event.reason() + (event.retryAt() == null
                ? "; not tried again by itself" : "; tried again at " + event.retryAt()));
    }

    private void end(String upgradeId, Step step, Instant at, String status, String notes) {
        jdbc.update("UPDATE execution_log SET ended_at = ?, status = ?, notes = ? WHERE upgrade_id = ? AND step_number = ?",
                SqlTime.of(at), status, notes, upgradeId, step.number());
    }

    @QueryHandler
    public List<LogEntry> handle(FindExecutionLog query) {
        return jdbc.query("SELECT * FROM execution_log WHERE upgrade_id = ? ORDER BY position",
                (row, index) -> new LogEntry(
                        row.getString("step_number"),
                        row.getString("title"),
                        SqlTime.instant(row.getTimestamp("started_at")),
                        SqlTime.instant(row.getTimestamp("ended_at")),
                        row.getString("status"),
                        row.getString("notes")),
                query.upgradeId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM execution_log");
    }
}
