package dev.upshift.orchestrator.steps.validate;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.events.HealthValidated;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.ServicesCheck;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/** 5.1: the services are still healthy on the new version once all of them run together. */
@Component
public class HealthProbesStep implements StepExecutor {

    private final ServicesCheck services;

    public HealthProbesStep(ServicesCheck services) {
        this.services = services;
    }

    @Override
    public StepKind kind() {
        return StepKind.HEALTH_PROBES;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        return new HealthValidated(history.upgradeId(), step, services.allServing(history.plan()));
    }
}
