package dev.upshift.orchestrator.steps.rollback;

import java.util.ArrayList;
import java.util.List;

import dev.upshift.orchestrator.api.ServiceHealth;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.DependentsRestarted;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.ports.ContainerInfo;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/** R: the dependents start again on the old version, in order, each healthy before the next. */
@Component
public class RestartDependentsStep implements StepExecutor {

    private final StackAccess stack;

    public RestartDependentsStep(StackAccess stack) {
        this.stack = stack;
    }

    @Override
    public StepKind kind() {
        return StepKind.RESTART_DEPENDENTS;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        UpgradePlan plan = history.plan();
        List<ServiceHealth> services = new ArrayList<>();
        for (String service : plan.startOrder()) {
            ContainerInfo container = stack.container(plan, service);
            stack.engine(plan).start(container.id());
            ContainerInfo state = stack.requireServing(plan, container.id(), service + " on the old version");
            services.add(new ServiceHealth(service, state.name(), state.state(), state.health()));
        }
        return new DependentsRestarted(history.upgradeId(), step, services);
    }
}
