package dev.upshift.orchestrator.steps.execute;

import dev.upshift.orchestrator.api.ContainerRemoved;
import dev.upshift.orchestrator.api.DatabaseStopped;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.StepOutcome;
import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/**
 * 3.4: the old container goes — never its volume — and the new server's container, created (not started) just
 * before under a name of its own, takes its name. Created first because on Docker 20.10 with vfs a create right
 * after the removal of a container that ran takes 2–4 s instead of ~1 s (docs/benchmarks.md).
 */
@Component
public class RemoveOldContainerStep implements StepExecutor {

    private static final String UNTIL_RENAMED = "-upshift-new";

    private final ContainerEngine engine;
    private final NewServerContainer newServer;

    public RemoveOldContainerStep(ContainerEngine engine, NewServerContainer newServer) {
        this.engine = engine;
        this.newServer = newServer;
    }

    @Override
    public StepKind kind() {
        return StepKind.REMOVE_OLD_CONTAINER;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        DatabaseStopped stopped = history.required(DatabaseStopped.class);
        String name = stopped.spec().name();
        String newId = newServer.find(history.plan()).orElseGet(() -> newServer.create(history, name + UNTIL_RENAMED));
        try {
            engine.remove(stopped.containerId());
        } catch (RuntimeException notRemoved) {
            // the database service must not be left with two containers
            engine.remove(newId);
            throw notRemoved;
        }
        engine.rename(newId, name);
        return new ContainerRemoved(history.upgradeId(), step, stopped.containerId(), name);
    }
}
