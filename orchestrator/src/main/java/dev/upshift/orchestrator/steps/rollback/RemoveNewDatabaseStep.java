package dev.upshift.orchestrator.steps.rollback;

import java.time.Duration;
import java.util.Optional;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.IntegrityVerified;
import dev.upshift.orchestrator.api.events.NewContainerRemoved;
import dev.upshift.orchestrator.api.events.RollbackInitiated;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.ports.ContainerInfo;
import dev.upshift.orchestrator.ports.DatabaseAdministrator;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.StepFailure;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/**
 * R: the new server goes, its volume stays (it is kept like every volume). An automatic rollback first makes
 * sure the new server took no writes since the restore: those would exist nowhere else.
 */
@Component
public class RemoveNewDatabaseStep implements StepExecutor {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final StackAccess stack;
    private final DatabaseAdministrator administrator;

    public RemoveNewDatabaseStep(StackAccess stack, DatabaseAdministrator administrator) {
        this.stack = stack;
        this.administrator = administrator;
    }

    @Override
    public StepKind kind() {
        return StepKind.REMOVE_NEW_DATABASE;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        UpgradePlan plan = history.plan();
        ContainerEngine engine = stack.engine(plan);
        Optional<ContainerInfo> newServer = engine.serviceContainers(plan.project(), plan.service()).stream()
                .filter(container -> container.image().equals(plan.targetImage()))
                .findFirst();
        if (newServer.isEmpty()) {
            return new NewContainerRemoved(history.upgradeId(), step, null);
        }
        if (history.required(RollbackInitiated.class).automatic() && newServer.get().running()) {
            refuseIfWritten(plan, history);
        }
        engine.stop(newServer.get().id(), STOP_TIMEOUT);
        engine.remove(newServer.get().id());
        return new NewContainerRemoved(history.upgradeId(), step, newServer.get().id());
    }

    private void refuseIfWritten(UpgradePlan plan, UpgradeHistory history) {
        Optional<IntegrityVerified> restored = history.last(IntegrityVerified.class);
        if (restored.isPresent()) {
            long writes = administrator.writeCounter(stack.database(plan)) - restored.get().writeCounter();
            if (writes > 0) {
                throw new StepFailure(writes + " rows were written on the new server since the restore and exist "
                        + "nowhere else; to roll back anyway: upshift rollback " + history.upgradeId()
                        + " --accept-data-loss --yes");
            }
        }
    }
}
