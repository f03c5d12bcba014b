package dev.upshift.shell.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upshift.audit.InMemoryReadModels;
import dev.upshift.audit.SampleHistory;
import dev.upshift.audit.components.ComponentStatusProjection;
import dev.upshift.audit.log.ExecutionLogProjection;
import dev.upshift.audit.status.UpgradeStatusProjection;
import dev.upshift.audit.summary.UpgradeSummaryProjection;
import dev.upshift.orchestrator.api.queries.FindComponentStatus;
import dev.upshift.orchestrator.api.queries.FindExecutionLog;
import dev.upshift.orchestrator.api.queries.FindUpgrade;
import dev.upshift.orchestrator.api.queries.FindUpgradeSummary;
import dev.upshift.orchestrator.api.queries.UpgradeAt;

/** What the read models answer about the runbook's sample upgrades: the real projections fed the sample events. */
public final class SamplePostMortems {

    private SamplePostMortems() {
    }

    public static UpgradeAt completed() {
        return answer(SampleHistory.completed());
    }

    public static UpgradeAt rolledBack() {
        return answer(SampleHistory.rolledBackAtTheApi());
    }

    public static UpgradeAt answer(SampleHistory history) {
        try (InMemoryReadModels store = new InMemoryReadModels()) {
            UpgradeStatusProjection status = new UpgradeStatusProjection(store.jdbc(), new ObjectMapper());
            ExecutionLogProjection log = new ExecutionLogProjection(store.jdbc());
            ComponentStatusProjection components = new ComponentStatusProjection(store.jdbc());
            UpgradeSummaryProjection summary = new UpgradeSummaryProjection(store.jdbc());
            for (Object readModel : new Object[] {status, log, components, summary}) {
                InMemoryReadModels.feed(readModel, history.tracked(1));
            }
            String id = SampleHistory.ID;
            return new UpgradeAt(id, null, history.payloads().size(), status.handle(new FindUpgrade(id)),
                    log.handle(new FindExecutionLog(id)), components.handle(new FindComponentStatus(id)),
                    summary.handle(new FindUpgradeSummary(id)));
        }
    }
}
