package dev.upshift.orchestrator.steps.rollback;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.events.DatabaseFenced;
import dev.upshift.orchestrator.api.events.FenceLifted;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.ports.DatabaseAdministrator;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/** R: the old database takes its clients again: the connection limit it had before 3.1 is given back. */
@Component
public class LiftFenceStep implements StepExecutor {

    private final StackAccess stack;
    private final DatabaseAdministrator administrator;

    public LiftFenceStep(StackAccess stack, DatabaseAdministrator administrator) {
        this.stack = stack;
        this.administrator = administrator;
    }

    @Override
    public StepKind kind() {
        return StepKind.LIFT_FENCE;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        int limit = history.last(DatabaseFenced.class).map(DatabaseFenced::previousConnectionLimit).orElse(-1);
        administrator.liftFence(stack.database(history.plan()), limit);
        return new FenceLifted(history.upgradeId(), step, limit);
    }
}
