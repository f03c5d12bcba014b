package dev.upshift.orchestrator.steps.execute;

import java.util.List;

import dev.upshift.orchestrator.api.Baseline;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.events.BaselineCaptured;
import dev.upshift.orchestrator.api.events.DatabaseFenced;
import dev.upshift.orchestrator.api.events.IntegrityMismatchDetected;
import dev.upshift.orchestrator.api.events.IntegrityVerified;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.ports.DatabaseAdministrator;
import dev.upshift.orchestrator.ports.DatabaseEndpoint;
import dev.upshift.orchestrator.ports.DatabaseInspector;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.StepFailure;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/**
 * 3.7: the restored database is the fenced one: the baseline's schema facts and, table by table, the rows
 * counted at the fence. Its write counter is recorded too, so that a later rollback can tell whether the
 * new server has taken writes since.
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
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        DatabaseEndpoint database = stack.database(history.plan());
        Baseline restored = inspector.inspect(database);
        List<String> differences = IntegrityCheck.differences(history.required(BaselineCaptured.class).baseline(),
                history.required(DatabaseFenced.class).tables(), restored);
        if (!differences.isEmpty()) {
            progress.record(new IntegrityMismatchDetected(history.upgradeId(), step, differences));
            throw new StepFailure("integrity mismatch: " + String.join("; ", differences));
        }
        long rows = restored.tables().stream().mapToLong(Baseline.TableRows::rows).sum();
        return new IntegrityVerified(history.upgradeId(), step, restored.tables().size(), rows, restored.extensions(),
                restored.migrationVersion(), administrator.writeCounter(database));
    }
}
