package dev.upshift.orchestrator.steps.validate;

import java.util.ArrayList;
import java.util.List;

import dev.upshift.orchestrator.api.Baseline;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.events.BaselineCaptured;
import dev.upshift.orchestrator.api.events.SmokeQueriesPassed;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.ports.DatabaseInspector;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.StepFailure;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/**
 * 5.3: the runbook's browser checklist, as queries: every table of the baseline answers a count on the new
 * server with its clients back, and the application's migration version is the one it expects.
 */
@Component
public class SmokeQueriesStep implements StepExecutor {

    private final StackAccess stack;
    private final DatabaseInspector inspector;

    public SmokeQueriesStep(StackAccess stack, DatabaseInspector inspector) {
        this.stack = stack;
        this.inspector = inspector;
    }

    @Override
    public StepKind kind() {
        return StepKind.SMOKE_QUERIES;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        Baseline before = history.required(BaselineCaptured.class).baseline();
        Baseline now = inspector.inspect(stack.database(history.plan()));
        List<String> checks = new ArrayList<>();
        checks.add(now.tables().size() + " of " + before.tables().size() + " tables answer");
        if (now.tables().size() < before.tables().size()) {
            throw new StepFailure("only " + checks.get(0));
        }
        if (before.migrationVersion() != null) {
            if (!before.migrationVersion().equals(now.migrationVersion())) {
                throw new StepFailure("the migration version is " + now.migrationVersion() + ", the application expects "
                        + before.migrationVersion());
            }
            checks.add("alembic " + now.migrationVersion());
        }
        checks.add("PostgreSQL " + now.serverVersion());
        return new SmokeQueriesPassed(history.upgradeId(), step, checks);
    }
}
