package dev.upshift.orchestrator.steps.validate;

import java.util.List;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.events.StatisticsRebuilt;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.ports.DatabaseAdministrator;
import dev.upshift.orchestrator.ports.DatabaseEndpoint;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/** 5.2: a restored database has no planner statistics until ANALYZE; extensions move to the new server's versions. */
@Component
public class RebuildStatisticsStep implements StepExecutor {

    private final StackAccess stack;
    private final DatabaseAdministrator administrator;

    public RebuildStatisticsStep(StackAccess stack, DatabaseAdministrator administrator) {
        this.stack = stack;
        this.administrator = administrator;
    }

    @Override
    public StepKind kind() {
        return StepKind.REBUILD_STATISTICS;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        DatabaseEndpoint database = stack.database(history.plan());
        List<String> updated = administrator.updateExtensions(database);
        administrator.analyze(database);
        return new StatisticsRebuilt(history.upgradeId(), step, updated);
    }
}
