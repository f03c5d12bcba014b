package dev.upshift.orchestrator.steps.preflight;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.events.ServicesHealthChecked;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.ServicesCheck;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/** 0.3: the database and every dependent running, and healthy where Docker has a health check for it. */
@Component
public class CheckServiceHealthStep implements StepExecutor {

    private final ServicesCheck services;

    public CheckServiceHealthStep(ServicesCheck services) {
        this.services = services;
    }

    @Override
    public StepKind kind() {
        return StepKind.SERVICE_HEALTH;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        return new ServicesHealthChecked(history.upgradeId(), step, services.allServing(history.plan()));
    }
}
