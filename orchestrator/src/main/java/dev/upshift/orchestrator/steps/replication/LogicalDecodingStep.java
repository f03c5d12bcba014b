package dev.upshift.orchestrator.steps.replication;

import java.time.Duration;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.LogicalDecodingReady;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.ports.ContainerInfo;
import dev.upshift.orchestrator.ports.LogicalReplication;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.StepFailure;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/**
 * 2.2 (logical): a publication needs {@code wal_level = logical}. When the old server has less, and only when the
 * plan allowed it ({@code --allow-restart}), the setting is written with {@code ALTER SYSTEM} — into the old
 * cluster, which alone needs it — and the old server restarted once; the dependents reconnect by themselves. How
 * long it was away is recorded. A redone step finds the setting in force and restarts nothing.
 */
@Component
public class LogicalDecodingStep implements StepExecutor {

    private static final String LOGICAL = "logical";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final StackAccess stack;
    private final LogicalReplication replication;

    public LogicalDecodingStep(StackAccess stack, LogicalReplication replication) {
        this.stack = stack;
        this.replication = replication;
    }

    @Override
    public StepKind kind() {
        return StepKind.LOGICAL_DECODING;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        UpgradePlan plan = history.plan();
        String walLevel = replication.walLevel(stack.database(plan));
        if (LOGICAL.equals(walLevel)) {
            return new LogicalDecodingReady(history.upgradeId(), step, walLevel, false, 0);
        }
        if (!plan.restartAllowed()) {
            throw new StepFailure("the old server's wal_level is " + walLevel + ", logical decoding needs logical, and "
                    + "the plan does not allow a restart: plan again with --allow-restart, or set it and restart yourself");
        }
        replication.requestLogicalWalLevel(stack.database(plan));
        long started = System.nanoTime();
        ContainerInfo old = stack.container(plan, plan.service());
        stack.engine(plan).stop(old.id(), STOP_TIMEOUT);
        stack.engine(plan).start(old.id());
        stack.requireAcceptingConnections(plan, old.id(), "the old server, restarted for wal_level=logical,");
        long restartMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        stack.requirePassingHealthCheck(plan, old.id(), "the old server, restarted for wal_level=logical,");
        String now = replication.walLevel(stack.database(plan));
        if (!LOGICAL.equals(now)) {
            throw new StepFailure("the old server restarted with wal_level " + now + " (a command-line -c wal_level "
                    + "overrides ALTER SYSTEM): set wal_level=logical in the service's command and run again");
        }
        return new LogicalDecodingReady(history.upgradeId(), step, walLevel, true, restartMillis);
    }
}
