package dev.upshift.orchestrator.steps.execute;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.events.ContainerRemoved;
import dev.upshift.orchestrator.api.events.DatabaseStopped;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/** 3.4: the old container goes — never its volume — so that the new one can take its name. */
@Component
public class RemoveOldContainerStep implements StepExecutor {

    private final StackAccess stack;

    public RemoveOldContainerStep(StackAccess stack) {
        this.stack = stack;
    }

    @Override
    public StepKind kind() {
        return StepKind.REMOVE_OLD_CONTAINER;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        DatabaseStopped stopped = history.required(DatabaseStopped.class);
        stack.engine(history.plan()).remove(stopped.containerId());
        return new ContainerRemoved(history.upgradeId(), step, stopped.containerId(), stopped.spec().name());
    }
}
