package dev.upshift.orchestrator.steps.execute;

import dev.upshift.orchestrator.api.RestoredDatabaseObserved;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.StepReport;
import dev.upshift.orchestrator.ports.DatabaseAdministrator;
import dev.upshift.orchestrator.ports.DatabaseEndpoint;
import dev.upshift.orchestrator.ports.DatabaseInspector;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/**
 * 3.7: inspects the restored database — schema facts and the exact row count of every table — for the aggregate
 * to judge against the baseline and the fence counts ({@code RestoredDataMatchesTheFence}). Its write counter is
 * reported too, so that a later rollback can tell whether the new server has taken writes since.
 */
@Component
public class VerifyIntegrityStep implements StepExecutor {

    private final StackAccess stack;
    private final DatabaseInspector inspector;
    private final DatabaseAdministrator administrator;

    public VerifyIntegrityStep(StackAccess stack, DatabaseInspector inspector, DatabaseAdministrator administrator) {
        this.stack = stack;
        this.inspector = inspector;
        this.administrator = administrator;
    }

    @Override
    public StepKind kind() {
        return StepKind.VERIFY_INTEGRITY;
    }

    @Override
    public StepReport execute(Step step, UpgradeHistory history, Progress progress) {
        DatabaseEndpoint database = stack.database(history.plan());
        return new RestoredDatabaseObserved(history.upgradeId(), step, inspector.inspect(database),
                administrator.writeCounter(database));
    }
}
