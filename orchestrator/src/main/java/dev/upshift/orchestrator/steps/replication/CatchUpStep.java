package dev.upshift.orchestrator.steps.replication;

import java.time.Duration;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.ReplicaCaughtUp;
import dev.upshift.orchestrator.api.events.ReplicationProgressed;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.ports.DatabaseEndpoint;
import dev.upshift.orchestrator.ports.LogicalReplication;
import dev.upshift.orchestrator.ports.LogicalReplication.SyncState;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.StepFailure;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import dev.upshift.orchestrator.time.Poll;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 2.4 (logical), while the stack serves: waits until every table is copied and the new server is within 1 MiB of the
 * old one's log, recording how far it is every few seconds, then vacuums and analyses the replica: every table was
 * just written in full, and autovacuum would otherwise take it up during the switch. The downtime then only waits for
 * the last changes. A redone step looks at the subscription again; a replica that reports errors, or whose
 * subscription or slot is gone, fails the step rather than being trusted.
 */
@Component
public class CatchUpStep implements StepExecutor {

    /** pg_easy_replicate switches at 200 kB; a megabyte drains in well under a second on this machine. */
    static final long CAUGHT_UP_BYTES = 1024 * 1024;
    private static final Duration LOOK_EVERY = Duration.ofMillis(500);

    private final StackAccess stack;
    private final Replica replica;
    private final LogicalReplication replication;
    private final Duration timeout;

    public CatchUpStep(StackAccess stack, Replica replica, LogicalReplication replication,
                       @Value("${upshift.catch-up-timeout:PT12H}") Duration timeout) {
        this.stack = stack;
        this.replica = replica;
        this.replication = replication;
        this.timeout = timeout;
    }

    @Override
    public StepKind kind() {
        return StepKind.CATCH_UP;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        UpgradePlan plan = history.plan();
        String name = Replica.replicationName(history.upgradeId());
        DatabaseEndpoint subscriber = replica.database(plan);
        DatabaseEndpoint publisher = stack.database(plan);
        Progress everyFewSeconds = progress.sampled();
        SyncState state = Poll.every(LOOK_EVERY, timeout).until(() -> {
            SyncState now = replication.syncState(subscriber, publisher, name);
            if (now.errors() > 0) {
                throw new StepFailure("the replica reports " + now.errors() + " replication errors; its last lines: "
                        + stack.engine(plan).logTail(Replica.replicaName(plan), 5).strip().replaceAll("\\s*\\n\\s*", " | "));
            }
            everyFewSeconds.record(new ReplicationProgressed(history.upgradeId(), step, now.tablesReady(), now.tables(),
                    now.lagBytes(), now.lagMillis().orElse(-1L)));
            return now;
        }, CatchUpStep::caughtUp, last -> new StepFailure("the replica did not catch up within " + timeout + ": "
                + last.tablesReady() + " of " + last.tables() + " tables copied, " + last.lagBytes() + " bytes behind"),
                interrupted -> new StepFailure("interrupted while the replica caught up", interrupted));
        // the copied tables' vacuum and statistics now, the stack serving, not by autovacuum in the downtime
        replication.vacuumAnalyze(subscriber);
        return new ReplicaCaughtUp(history.upgradeId(), step, state.tables(), state.lagBytes());
    }

    private static boolean caughtUp(SyncState state) {
        return state.copied() && state.lagBytes() <= CAUGHT_UP_BYTES;
    }
}
