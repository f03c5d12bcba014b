package dev.upshift.orchestrator.steps.restore;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.events.ServicesRestored;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.ServicesCheck;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/** 4.last: every service runs and Docker calls it healthy: the downtime is over. */
@Component
public class AllServicesRunningStep implements StepExecutor {

    private final ServicesCheck services;

    public AllServicesRunningStep(ServicesCheck services) {
        this.services = services;
    }

    @Override
    public StepKind kind() {
        return StepKind.ALL_SERVICES_RUNNING;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        return new ServicesRestored(history.upgradeId(), step, services.awaitAllServing(history.plan()));
    }
}
