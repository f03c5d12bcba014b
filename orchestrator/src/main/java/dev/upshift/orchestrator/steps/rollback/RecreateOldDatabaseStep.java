package dev.upshift.orchestrator.steps.rollback;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.DatabaseStopped;
import dev.upshift.orchestrator.api.events.OldContainerRecreated;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.ports.ContainerInfo;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/**
 * R: the old server runs again on its untouched volume: its own container — the one 3.4 set aside, given its name
 * back (the new one is gone by now), exactly as it ran before — else, where 3.4 removed it (before retention), one
 * recreated exactly from the spec recorded at 3.2 (the runbook's quick rollback, without relying on memory).
 */
@Component
public class RecreateOldDatabaseStep implements StepExecutor {

    private final StackAccess stack;

    public RecreateOldDatabaseStep(StackAccess stack) {
        this.stack = stack;
    }

    @Override
    public StepKind kind() {
        return StepKind.RECREATE_OLD_DATABASE;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        UpgradePlan plan = history.plan();
        DatabaseStopped stopped = history.required(DatabaseStopped.class);
        ContainerEngine engine = stack.engine(plan);
        String containerId = engine.serviceContainers(plan.project(), plan.service()).stream()
                .filter(container -> container.image().equals(plan.sourceImage()))
                .map(ContainerInfo::id)
                .findFirst()
                .orElseGet(() -> engine.create(stack.withSecrets(plan, stopped.spec())));
        engine.rename(containerId, stopped.spec().name());
        engine.start(containerId);
        stack.requireServing(plan, containerId, "the old server");
        return new OldContainerRecreated(history.upgradeId(), step, containerId);
    }
}
