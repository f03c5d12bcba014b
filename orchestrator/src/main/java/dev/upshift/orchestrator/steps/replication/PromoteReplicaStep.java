package dev.upshift.orchestrator.steps.replication;

import java.time.Duration;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.StepReport;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.ports.ContainerInfo;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import dev.upshift.orchestrator.steps.execute.StartUpgradedDatabaseStep;
import org.springframework.stereotype.Component;

/**
 * 3.6 (logical): the replica's container goes, its volume stays, and the service's container — the old one's
 * configuration on the target image — starts on that volume under the service's name, as pg_upgrade's new server does
 * at its 3.6 ({@link StartUpgradedDatabaseStep}): the database gets the old one's connection limit.
 */
@Component
public class PromoteReplicaStep implements StepExecutor {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final StackAccess stack;
    private final Replica replica;
    private final StartUpgradedDatabaseStep startOnTheCluster;

    public PromoteReplicaStep(StackAccess stack, Replica replica, StartUpgradedDatabaseStep startOnTheCluster) {
        this.stack = stack;
        this.replica = replica;
        this.startOnTheCluster = startOnTheCluster;
    }

    @Override
    public StepKind kind() {
        return StepKind.PROMOTE_REPLICA;
    }

    @Override
    public StepReport execute(Step step, UpgradeHistory history, Progress progress) {
        UpgradePlan plan = history.plan();
        for (ContainerInfo container : replica.container(plan).stream().toList()) {
            stack.engine(plan).stop(container.id(), STOP_TIMEOUT);
            stack.engine(plan).remove(container.id());
        }
        return startOnTheCluster.execute(step, history, progress);
    }
}
