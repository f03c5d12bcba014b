package dev.upshift.orchestrator.steps.replication;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.upshift.orchestrator.api.ContainerSpec;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.ports.ContainerInfo;
import dev.upshift.orchestrator.ports.DatabaseEndpoint;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepFailure;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import dev.upshift.orchestrator.steps.execute.NewServer;
import dev.upshift.orchestrator.steps.prepare.UpdateComposeFileStep.NewServerPlace;
import org.springframework.stereotype.Component;

/**
 * The logical method's new server while it is a replica: the old container's configuration on the target image and
 * the new volume, beside the old server on the stack's networks. Its labels make it a service of a project of its
 * own, so that neither Compose nor Upshift takes it for the stack's database; 3.6 replaces it with the service's
 * container on the same volume.
 */
@Component
public class Replica {

    private static final String PROJECT_LABEL = "com.docker.compose.project";
    private static final String COMPOSE_PREFIX = "com.docker.compose.";
    private static final int IDENTIFIER_LENGTH = 63;

    private final StackAccess stack;

    public Replica(StackAccess stack) {
        this.stack = stack;
    }

    /** The publication, the subscription and the slot share this name: one per upgrade. */
    public static String replicationName(String upgradeId) {
        String name = "upshift_" + upgradeId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return name.length() > IDENTIFIER_LENGTH ? name.substring(0, IDENTIFIER_LENGTH) : name;
    }

    /** The replica's container, running or not, if there is one. */
    public Optional<ContainerInfo> container(UpgradePlan plan) {
        return stack.engine(plan).serviceContainers(project(plan), plan.service()).stream().findFirst();
    }

    /** Creates the replica's container (not started) on the new server's volume, mounted as the new server's will be. */
    public String create(UpgradePlan plan, UpgradeHistory history, String volume, NewServerPlace place) {
        ContainerEngine engine = stack.engine(plan);
        ContainerSpec old = stack.withSecrets(plan, engine.spec(stack.container(plan, plan.service()).id()));
        ContainerSpec serving = NewServer.spec(old, plan, volume, place.previous(), place.layout());
        Map<String, String> labels = new LinkedHashMap<>();
        serving.labels().forEach((label, value) -> {
            if (!label.startsWith(COMPOSE_PREFIX + "project.") && !label.equals(COMPOSE_PREFIX + "container-number")) {
                labels.put(label, value);
            }
        });
        labels.put(PROJECT_LABEL, project(plan));
        labels.put(ContainerEngine.MADE_BY, history.upgradeId());
        // the subscription connects with the password in the server's environment, never in a statement
        ContainerSpec replica = serving.beside(replicaName(plan), labels)
                .withEnvironment(Map.of("PGPASSWORD", stack.database(plan).password()));
        return engine.create(replica);
    }

    /** The running replica's database, or the step fails: nothing may be trusted of a replica that is gone. */
    public DatabaseEndpoint database(UpgradePlan plan) {
        ContainerInfo replica = container(plan).filter(ContainerInfo::running)
                .orElseThrow(() -> new StepFailure("the replica of " + plan.service() + " is not running"));
        return stack.database(plan, replica);
    }

    /** The replica container's name. */
    public static String replicaName(UpgradePlan plan) {
        return project(plan) + "-" + plan.service();
    }

    private static String project(UpgradePlan plan) {
        return plan.project() + "-upshift-replica";
    }
}
