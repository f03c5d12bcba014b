package dev.upshift.orchestrator.steps.execute;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.DatabaseFenced;
import dev.upshift.orchestrator.api.events.PointOfNoReturnPassed;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.api.events.UpgradedServerStarted;
import dev.upshift.orchestrator.ports.DatabaseAdministrator;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/**
 * 3.6 (pg-upgrade): the new server ({@link NewServer}) starts on the cluster pg_upgrade made. Its entrypoint finds
 * a cluster and initialises nothing. pg_upgrade carried the whole catalog over, the fence of 3.1 with it (a
 * connection limit of 0): it is lifted here — the dependents stay stopped until Phase 4, and 3.8's write counter
 * still sees any write. The step ends once the container's own health check passes, as 3.5 of dump-restore does.
 * A redone step reuses the container. After pg_upgrade's link, the first start writes into files the old cluster
 * shares: the point of no return is recorded before it.
 */
@Component
public class StartUpgradedDatabaseStep implements StepExecutor {

    private final StackAccess stack;
    private final NewServer newServer;
    private final DatabaseAdministrator administrator;

    public StartUpgradedDatabaseStep(StackAccess stack, NewServer newServer, DatabaseAdministrator administrator) {
        this.stack = stack;
        this.newServer = newServer;
        this.administrator = administrator;
    }

    @Override
    public StepKind kind() {
        return StepKind.START_UPGRADED_DATABASE;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        UpgradePlan plan = history.plan();
        String containerId = newServer.container(plan, history);
        if (plan.upgradesInPlace() && history.last(PointOfNoReturnPassed.class).isEmpty()) {
            progress.record(new PointOfNoReturnPassed(history.upgradeId(), step, plan.volume()));
        }
        stack.engine(plan).start(containerId);
        stack.requireAcceptingConnections(plan, containerId, "the new server");
        stack.requirePassingHealthCheck(plan, containerId, "the new server");
        int connectionLimit = history.required(DatabaseFenced.class).previousConnectionLimit();
        administrator.liftFence(stack.database(plan), connectionLimit);
        return new UpgradedServerStarted(history.upgradeId(), step, containerId, plan.targetImage(), connectionLimit);
    }
}
