package dev.upshift.orchestrator.steps.rollback;

import dev.upshift.orchestrator.api.OldDatabaseObserved;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.StepReport;
import dev.upshift.orchestrator.ports.DatabaseInspector;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/**
 * R: inspects the old server after the rollback, for the aggregate to judge: the old major version again
 * ({@code TheOldVersionServesAgain}), the baseline's schema and every row counted at the fence
 * ({@code OldDataMatchesTheFence}).
 */
@Component
public class VerifyOldDatabaseStep implements StepExecutor {

    private final StackAccess stack;
    private final DatabaseInspector inspector;

    public VerifyOldDatabaseStep(StackAccess stack, DatabaseInspector inspector) {
        this.stack = stack;
        this.inspector = inspector;
    }

    @Override
    public StepKind kind() {
        return StepKind.VERIFY_OLD_DATABASE;
    }

    @Override
    public StepReport execute(Step step, UpgradeHistory history, Progress progress) {
        return new OldDatabaseObserved(history.upgradeId(), step, inspector.inspect(stack.database(history.plan())));
    }
}
