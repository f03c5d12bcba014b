package dev.upshift.orchestrator.steps.execute;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.events.ContainerRemoved;
import dev.upshift.orchestrator.api.events.DatabaseStopped;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/** 3.4: the old container goes — never its volume — so that the new one can take its name. */
@Component
public class RemoveOldContainerStep implements StepExecutor {

    private final ContainerEngine engine;

    public RemoveOldContainerStep(ContainerEngine engine) {
        this.engine = engine;
    }

    @Override
    public StepKind kind() {
        return StepKind.REMOVE_OLD_CONTAINER;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        DatabaseStopped stopped = history.required(DatabaseStopped.class);
        engine.remove(stopped.containerId());
        return new ContainerRemoved(history.upgradeId(), step, stopped.containerId(), stopped.spec().name());
    }
}
