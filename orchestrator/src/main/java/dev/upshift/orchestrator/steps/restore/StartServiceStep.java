package dev.upshift.orchestrator.steps.restore;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.ServiceHealthy;
import dev.upshift.orchestrator.api.events.ServiceStarted;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.ports.ContainerInfo;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/**
 * 4.x: one dependent starts on the new version and passes its own health check before the next one starts, so
 * that a dependent that fails it rolls back before any later one has written to the new server.
 */
@Component
public class StartServiceStep implements StepExecutor {

    private final StackAccess stack;

    public StartServiceStep(StackAccess stack) {
        this.stack = stack;
    }

    @Override
    public StepKind kind() {
        return StepKind.START_SERVICE;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        UpgradePlan plan = history.plan();
        ContainerInfo container = stack.container(plan, step.service());
        stack.engine(plan).start(container.id());
        boolean recorded = history.all(ServiceStarted.class).stream().anyMatch(s -> s.service().equals(step.service()));
        if (!recorded) {
            progress.record(new ServiceStarted(history.upgradeId(), step, step.service(), container.name()));
        }
        String health = stack.requirePassingHealthCheck(plan, container.id(), step.service());
        return new ServiceHealthy(history.upgradeId(), step, step.service(), container.name(), health);
    }
}
