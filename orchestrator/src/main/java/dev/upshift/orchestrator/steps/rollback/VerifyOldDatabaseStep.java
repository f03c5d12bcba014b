package dev.upshift.orchestrator.steps.rollback;

import java.util.List;

import dev.upshift.orchestrator.api.Baseline;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.events.BaselineCaptured;
import dev.upshift.orchestrator.api.events.DatabaseFenced;
import dev.upshift.orchestrator.api.events.OldDatabaseVerified;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.ports.DatabaseInspector;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.StepFailure;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import dev.upshift.orchestrator.steps.execute.IntegrityCheck;
import org.springframework.stereotype.Component;

/** R: the server is the old major version again, with the baseline's schema and every row counted at the fence. */
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
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        Baseline baseline = history.required(BaselineCaptured.class).baseline();
        Baseline now = inspector.inspect(stack.database(history.plan()));
        if (now.majorVersion() != baseline.majorVersion()) {
            throw new StepFailure("the database service runs PostgreSQL " + now.serverVersion() + ", not "
                    + baseline.serverVersion());
        }
        List<Baseline.TableRows> fenceCounts = history.last(DatabaseFenced.class).map(DatabaseFenced::tables)
                .orElse(List.of());
        List<String> differences = IntegrityCheck.differences(baseline, fenceCounts, now);
        if (!differences.isEmpty()) {
            throw new StepFailure("the old database differs from before the upgrade: " + String.join("; ", differences));
        }
        long rows = now.tables().stream().mapToLong(Baseline.TableRows::rows).sum();
        return new OldDatabaseVerified(history.upgradeId(), step, now.serverVersion(), rows);
    }
}
