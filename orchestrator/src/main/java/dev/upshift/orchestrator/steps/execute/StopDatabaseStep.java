package dev.upshift.orchestrator.steps.execute;

import java.time.Duration;

import dev.upshift.orchestrator.api.ContainerSpec;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.DatabaseStopped;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.ports.ContainerInfo;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/**
 * 3.2: the old server stops cleanly. Its container's whole configuration is recorded first, so that a
 * rollback recreates exactly that container and nobody has to remember how it was configured.
 */
@Component
public class StopDatabaseStep implements StepExecutor {

    /** A clean shutdown writes a checkpoint; a large buffer cache may take a while. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(120);

    private final StackAccess stack;

    public StopDatabaseStep(StackAccess stack) {
        this.stack = stack;
    }

    @Override
    public StepKind kind() {
        return StepKind.STOP_DATABASE;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        UpgradePlan plan = history.plan();
        ContainerInfo db = stack.container(plan, plan.service());
        ContainerEngine engine = stack.engine(plan);
        ContainerSpec spec = engine.spec(db.id());
        engine.stop(db.id(), STOP_TIMEOUT);
        return new DatabaseStopped(history.upgradeId(), step, db.id(), spec);
    }
}
