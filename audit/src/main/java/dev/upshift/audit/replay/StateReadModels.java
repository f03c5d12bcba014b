package dev.upshift.audit.replay;

import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upshift.audit.components.ComponentStatusProjection;
import dev.upshift.audit.log.ExecutionLogProjection;
import dev.upshift.audit.status.UpgradeStatusProjection;
import dev.upshift.audit.summary.UpgradeSummaryProjection;
import dev.upshift.orchestrator.api.queries.FindComponentStatus;
import dev.upshift.orchestrator.api.queries.FindExecutionLog;
import dev.upshift.orchestrator.api.queries.FindUpgrade;
import dev.upshift.orchestrator.api.queries.FindUpgradeSummary;
import dev.upshift.orchestrator.api.queries.UpgradeAt;
import org.springframework.jdbc.core.JdbcTemplate;

/** The read models that tell where an upgrade stands; live ones, or fresh ones on a scratch store for a replay. */
record StateReadModels(UpgradeStatusProjection status, ExecutionLogProjection log,
                       ComponentStatusProjection components, UpgradeSummaryProjection summary) {

    static StateReadModels on(JdbcTemplate jdbc, ObjectMapper json) {
        return new StateReadModels(new UpgradeStatusProjection(jdbc, json), new ExecutionLogProjection(jdbc),
                new ComponentStatusProjection(jdbc), new UpgradeSummaryProjection(jdbc));
    }

    Object[] all() {
        return new Object[] {status, log, components, summary};
    }

    /** What their query handlers answer about one upgrade. */
    UpgradeAt answer(String upgradeId, Instant at, int events) {
        return new UpgradeAt(upgradeId, at, events,
                status.handle(new FindUpgrade(upgradeId)),
                log.handle(new FindExecutionLog(upgradeId)),
                components.handle(new FindComponentStatus(upgradeId)),
                summary.handle(new FindUpgradeSummary(upgradeId)));
    }
}
