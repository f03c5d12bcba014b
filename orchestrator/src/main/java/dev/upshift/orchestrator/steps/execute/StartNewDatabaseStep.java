package dev.upshift.orchestrator.steps.execute;


import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.ContainerStarted;
import dev.upshift.orchestrator.api.events.DataRestored;
import dev.upshift.orchestrator.api.events.FinalDumpTaken;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.ports.DatabaseInspector;
import dev.upshift.orchestrator.steps.DumpRestore;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.TransferMeter;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/**
 * 3.5 (dump-restore): the new server ({@link NewServer}) starts on the target image with the old container's
 * configuration and a fresh data directory on the new volume, then gets the roles and the final dump. A redone step reuses the new
 * container and restores into an empty database, so a half-finished restore never stays. The step ends once the
 * container's own health check passes: the dependents start on that, and 4.4 awaits Docker's word for it. The new
 * cluster is initdb's with the target's defaults, not a copy of the old one's settings (data checksums on from 18:
 * every page is written anew, so they cost nothing now); what it got is recorded.
 */
@Component
public class StartNewDatabaseStep implements StepExecutor {

    private final StackAccess stack;
    private final NewServer newServer;
    private final DumpRestore dumpRestore;
    private final DatabaseInspector inspector;

    public StartNewDatabaseStep(StackAccess stack, NewServer newServer, DumpRestore dumpRestore,
                                DatabaseInspector inspector) {
        this.stack = stack;
        this.newServer = newServer;
        this.dumpRestore = dumpRestore;
        this.inspector = inspector;
    }

    @Override
    public StepKind kind() {
        return StepKind.START_NEW_DATABASE;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        UpgradePlan plan = history.plan();
        ContainerEngine engine = stack.engine(plan);
        String containerId = newServer.container(plan, history);
        engine.start(containerId);
        if (history.last(ContainerStarted.class).isEmpty()) {
            progress.record(new ContainerStarted(history.upgradeId(), step, containerId, plan.targetImage()));
        }
        stack.requireAcceptingConnections(plan, containerId, "the new server");
        FinalDumpTaken dump = history.required(FinalDumpTaken.class);
        dumpRestore.into(plan, containerId, dump.file(), dump.roles(), TransferMeter.of(progress, history.upgradeId(), step));
        stack.requirePassingHealthCheck(plan, containerId, "the new server");
        return new DataRestored(history.upgradeId(), step, containerId, dump.file().path(),
                inspector.clusterSettings(stack.maintenance(plan)));
    }
}
