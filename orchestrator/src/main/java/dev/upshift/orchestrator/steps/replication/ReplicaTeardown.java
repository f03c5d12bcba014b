package dev.upshift.orchestrator.steps.replication;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.ports.ContainerInfo;
import dev.upshift.orchestrator.ports.DatabaseEndpoint;
import dev.upshift.orchestrator.ports.LogicalReplication;
import dev.upshift.orchestrator.steps.StackAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whatever a replica left: its subscription, its container (never its volume), the slot and the publication on the
 * old server, which must be running. A forgotten slot keeps the old server's log until its disk is full, so every
 * path that gives up a replica — a rebuild at 2.3, the rollback — ends here.
 */
@Component
public class ReplicaTeardown {

    private static final Logger log = LoggerFactory.getLogger(ReplicaTeardown.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final StackAccess stack;
    private final Replica replica;
    private final LogicalReplication replication;

    public ReplicaTeardown(StackAccess stack, Replica replica, LogicalReplication replication) {
        this.stack = stack;
        this.replica = replica;
        this.replication = replication;
    }

    /** @return what was removed, as "container x", "subscription x", "slot x", "publication x" */
    public List<String> tearDown(UpgradePlan plan, String upgradeId) {
        String name = Replica.replicationName(upgradeId);
        List<String> removed = new ArrayList<>();
        ContainerEngine engine = stack.engine(plan);
        for (ContainerInfo container : replica.container(plan).stream().toList()) {
            if (container.running() && dropSubscription(plan, container, name)) {
                removed.add("subscription " + name);
            }
            engine.stop(container.id(), STOP_TIMEOUT);
            engine.remove(container.id());
            removed.add("container " + container.name());
        }
        DatabaseEndpoint old = stack.database(plan);
        if (replication.dropSlot(old, name)) {
            removed.add("slot " + name);
        }
        if (replication.dropPublication(old, name)) {
            removed.add("publication " + name);
        }
        return removed;
    }

    /**
     * A replica that runs but does not answer (its server refused to start) keeps its subscription in its volume:
     * harmless once the slot below is gone, and a rebuild drops it first.
     */
    private boolean dropSubscription(UpgradePlan plan, ContainerInfo container, String name) {
        try {
            return replication.dropSubscription(stack.database(plan, container), name);
        } catch (RuntimeException unreachable) {
            log.warn("the subscription {} of replica {} was not dropped: {}", name, container.name(), unreachable.getMessage());
            return false;
        }
    }
}
