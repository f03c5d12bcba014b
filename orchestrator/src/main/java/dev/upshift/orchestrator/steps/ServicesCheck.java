package dev.upshift.orchestrator.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.upshift.orchestrator.api.ServiceHealth;
import dev.upshift.orchestrator.api.UpgradePlan;
import org.springframework.stereotype.Component;

/** The database and every dependent, running and healthy where Docker has a health check for them. */
@Component
public class ServicesCheck {

    private final StackAccess stack;

    public ServicesCheck(StackAccess stack) {
        this.stack = stack;
    }

    /**
     * Waits until Docker calls each service healthy — the steps before may have passed on the services' own
     * health checks, a moment before Docker's next interval — then answers as {@link #allServing} does.
     */
    public List<ServiceHealth> awaitAllServing(UpgradePlan plan) {
        services(plan).forEach(service -> stack.requireServing(plan, stack.container(plan, service).id(), service));
        return allServing(plan);
    }

    /** @throws StepFailure naming every service that is not serving */
    public List<ServiceHealth> allServing(UpgradePlan plan) {
        List<ServiceHealth> health = services(plan).stream().map(service -> stack.health(plan, service)).toList();
        String failing = health.stream().filter(service -> !service.serving())
                .map(service -> service.service() + " is " + service.state()
                        + ("none".equals(service.health()) ? "" : " (" + service.health() + ")"))
                .collect(Collectors.joining(", "));
        if (!failing.isEmpty()) {
            throw new StepFailure("not every service is healthy: " + failing);
        }
        return health;
    }

    private static List<String> services(UpgradePlan plan) {
        List<String> services = new ArrayList<>(List.of(plan.service()));
        services.addAll(plan.startOrder());
        return services;
    }
}
