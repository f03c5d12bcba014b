package dev.upshift.orchestrator.steps;

import java.nio.file.Path;
import java.util.List;

import dev.upshift.orchestrator.api.SecretSource;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.ports.ComposeFile;
import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.ports.ContainerInfo;
import dev.upshift.orchestrator.ports.DatabaseEndpoint;
import org.springframework.stereotype.Component;

/** Finds a plan's containers and connects to its database, reading the password only when it is needed. */
@Component
public class StackAccess {

    private static final int POSTGRES_PORT = 5432;

    private final ContainerEngine engine;
    private final ComposeFile composeFile;

    public StackAccess(ContainerEngine engine, ComposeFile composeFile) {
        this.engine = engine;
        this.composeFile = composeFile;
    }

    /** The service's one container, whatever its state. */
    public ContainerInfo container(UpgradePlan plan, String service) {
        List<ContainerInfo> containers = engine.serviceContainers(plan.project(), service);
        if (containers.isEmpty()) {
            throw new StepFailed("service " + service + " of project " + plan.project() + " has no container");
        }
        return containers.get(0);
    }

    public DatabaseEndpoint database(UpgradePlan plan) {
        ContainerInfo db = container(plan, plan.service());
        String address = db.addresses().values().stream().findFirst()
                .orElseThrow(() -> new StepFailed("container " + db.name() + " has no network address"));
        return new DatabaseEndpoint(address, POSTGRES_PORT, plan.database(), plan.superuser(), password(plan.password()));
    }

    private String password(SecretSource source) {
        if (SecretSource.COMPOSE_ENVIRONMENT.equals(source.kind())) {
            return composeFile.read(Path.of(source.location())).services().stream()
                    .map(service -> service.environment().get(source.variable()))
                    .filter(value -> value != null)
                    .findFirst()
                    .orElseThrow(() -> new StepFailed(source.variable() + " is no longer in " + source.location()));
        }
        String password = EnvFile.read(Path.of(source.location())).get(source.variable());
        if (password == null) {
            throw new StepFailed(source.variable() + " is no longer in " + source.location());
        }
        return password;
    }
}
