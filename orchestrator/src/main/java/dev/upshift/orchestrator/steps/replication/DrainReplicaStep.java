package dev.upshift.orchestrator.steps.replication;

import java.time.Duration;
import java.util.List;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.ReplicationEnded;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.ports.DatabaseEndpoint;
import dev.upshift.orchestrator.ports.LogicalReplication;
import dev.upshift.orchestrator.ports.LogicalReplication.SequenceValue;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.StepFailure;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import dev.upshift.orchestrator.time.Poll;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 3.2 (logical), behind 3.1's fence: the old server's log position now is the last change there will be; once the
 * new server has confirmed it, the schemas are compared (a table changed during the catch-up would have stopped the
 * replication of its changes or lost them), the sequences — which logical replication does not carry — are set past
 * the old values, and the subscription, the slot and the publication are dropped. A redone step finds the slot gone
 * if it was drained already (it is dropped only after the confirmation) and does the rest again, each part idempotent.
 */
@Component
public class DrainReplicaStep implements StepExecutor {

    private static final Duration LOOK_EVERY = Duration.ofMillis(50);

    private final StackAccess stack;
    private final Replica replica;
    private final LogicalReplication replication;
    private final Duration timeout;

    public DrainReplicaStep(StackAccess stack, Replica replica, LogicalReplication replication,
                            @Value("${upshift.health-timeout:PT3M}") Duration timeout) {
        this.stack = stack;
        this.replica = replica;
        this.replication = replication;
        this.timeout = timeout;
    }

    @Override
    public StepKind kind() {
        return StepKind.DRAIN_REPLICA;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        long started = System.nanoTime();
        UpgradePlan plan = history.plan();
        String name = Replica.replicationName(history.upgradeId());
        DatabaseEndpoint old = stack.database(plan);
        DatabaseEndpoint replicaDatabase = replica.database(plan);
        String position = replication.currentPosition(old);
        if (replication.hasSlot(old, name)) {
            Poll.every(LOOK_EVERY, timeout).until(() -> replication.confirmedUpTo(old, name, position), done -> done,
                    notYet -> new StepFailure("the replica did not confirm the old server's log up to " + position
                            + " within " + timeout),
                    interrupted -> new StepFailure("interrupted while the last changes arrived", interrupted));
        }
        long drainMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        if (!replication.schemaDigest(old).equals(replication.schemaDigest(replicaDatabase))) {
            throw new StepFailure("the old server's tables changed since 2.3 copied their schema (DDL during the "
                    + "catch-up): the replica cannot be trusted; roll back and upgrade again");
        }
        List<SequenceValue> sequences = replication.sequences(old);
        replication.setSequences(replicaDatabase, sequences);
        replication.dropSubscription(replicaDatabase, name);
        replication.dropSlot(old, name);
        replication.dropPublication(old, name);
        return new ReplicationEnded(history.upgradeId(), step, position, drainMillis,
                sequences.stream().map(value -> value.name() + " = " + value.lastValue()).toList());
    }
}
