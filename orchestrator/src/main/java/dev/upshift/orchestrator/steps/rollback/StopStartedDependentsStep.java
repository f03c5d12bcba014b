package dev.upshift.orchestrator.steps.rollback;

import java.time.Duration;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.DependentsStopped;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/** R: the dependents started on the new version stop, most dependent first, before their database goes. */
@Component
public class StopStartedDependentsStep implements StepExecutor {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final StackAccess stack;

    public StopStartedDependentsStep(StackAccess stack) {
        this.stack = stack;
    }

    @Override
    public StepKind kind() {
        return StepKind.STOP_STARTED_DEPENDENTS;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        UpgradePlan plan = history.plan();
        plan.stopOrder().forEach(service -> stack.engine(plan).stop(stack.container(plan, service).id(), STOP_TIMEOUT));
        return new DependentsStopped(history.upgradeId(), step, plan.stopOrder());
    }
}
