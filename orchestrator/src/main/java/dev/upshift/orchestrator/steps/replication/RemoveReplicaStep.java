package dev.upshift.orchestrator.steps.replication;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.events.ReplicaRemoved;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/** R (logical): the replica and its replication go; the old server, running again, keeps no slot. */
@Component
public class RemoveReplicaStep implements StepExecutor {

    private final ReplicaTeardown teardown;

    public RemoveReplicaStep(ReplicaTeardown teardown) {
        this.teardown = teardown;
    }

    @Override
    public StepKind kind() {
        return StepKind.REMOVE_REPLICA;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        return new ReplicaRemoved(history.upgradeId(), step, Replica.replicaName(history.plan()),
                teardown.tearDown(history.plan(), history.upgradeId()));
    }
}
