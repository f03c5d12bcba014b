package dev.upshift.orchestrator.steps.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.upshift.orchestrator.api.ServiceHealth;
import dev.upshift.orchestrator.api.ServicesHealthChecked;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.StepOutcome;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.ports.ContainerInfo;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.StepFailed;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/** 0.3: the database and every dependent running, and healthy where Docker has a health check for it. */
@Component
public class CheckServiceHealthStep implements StepExecutor {

    private final StackAccess stack;

    public CheckServiceHealthStep(StackAccess stack) {
        this.stack = stack;
    }

    @Override
    public StepKind kind() {
        return StepKind.SERVICE_HEALTH;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history) {
        UpgradePlan plan = history.plan();
        List<String> services = new ArrayList<>(List.of(plan.service()));
        services.addAll(plan.startOrder());
        List<ServiceHealth> health = services.stream().map(service -> health(plan, service)).toList();
        String failing = health.stream().filter(service -> !service.serving())
                .map(service -> service.service() + " is " + service.state()
                        + ("none".equals(service.health()) ? "" : " (" + service.health() + ")"))
                .collect(Collectors.joining(", "));
        if (!failing.isEmpty()) {
            throw new StepFailed("not every service is healthy: " + failing);
        }
        return new ServicesHealthChecked(history.upgradeId(), step, health);
    }

    private ServiceHealth health(UpgradePlan plan, String service) {
        ContainerInfo container = stack.container(plan, service);
        return new ServiceHealth(service, container.name(), container.state(), container.health());
    }
}
