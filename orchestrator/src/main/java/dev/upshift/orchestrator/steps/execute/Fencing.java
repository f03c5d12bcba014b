package dev.upshift.orchestrator.steps.execute;

import java.time.Duration;
import java.util.List;

import dev.upshift.orchestrator.api.Baseline;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.DatabaseFenced;
import dev.upshift.orchestrator.api.events.ServiceStopped;
import dev.upshift.orchestrator.ports.ContainerInfo;
import dev.upshift.orchestrator.ports.DatabaseAdministrator;
import dev.upshift.orchestrator.ports.DatabaseAdministrator.Fence;
import dev.upshift.orchestrator.ports.DatabaseEndpoint;
import dev.upshift.orchestrator.ports.DatabaseInspector;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/**
 * How 3.1 starts the downtime, whichever the method: the dependents stop, most dependent first; the database is
 * fenced so that no client but Upshift can write; the rows of every table are counted. What the new server must
 * hold is then exactly these counts, as long as the write counter does not move.
 */
@Component
public class Fencing {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final StackAccess stack;
    private final DatabaseAdministrator administrator;
    private final DatabaseInspector inspector;

    public Fencing(StackAccess stack, DatabaseAdministrator administrator, DatabaseInspector inspector) {
        this.stack = stack;
        this.administrator = administrator;
        this.inspector = inspector;
    }

    /** Stops the dependents and fences the database (each once, a redone step finds them done); the fence. */
    public DatabaseFenced stopDependentsAndFence(Step step, UpgradeHistory history, Progress progress) {
        UpgradePlan plan = history.plan();
        List<String> alreadyStopped = history.all(ServiceStopped.class).stream().map(ServiceStopped::service).toList();
        for (String service : plan.stopOrder()) {
            ContainerInfo container = stack.container(plan, service);
            stack.engine(plan).stop(container.id(), STOP_TIMEOUT);
            if (!alreadyStopped.contains(service)) {
                progress.record(new ServiceStopped(history.upgradeId(), step, service, container.name()));
            }
        }
        ensureRunning(plan);
        DatabaseFenced fenced = history.last(DatabaseFenced.class).orElseGet(() -> fence(history, step, stack.database(plan)));
        if (history.last(DatabaseFenced.class).isEmpty()) {
            progress.record(fenced);
        }
        return fenced;
    }

    /** Rows written since the fence: only a superuser gets past it. */
    public long writesSince(DatabaseFenced fenced, UpgradePlan plan) {
        return administrator.writeCounter(stack.database(plan)) - fenced.writeCounter();
    }

    /**
     * A redone step may find the database already stopped by a 3.2 whose start the store never recorded (a
     * crashed process): the old server starts again, still fenced, for 3.1 to finish behind the fence.
     */
    private void ensureRunning(UpgradePlan plan) {
        ContainerInfo db = stack.container(plan, plan.service());
        if (!db.running()) {
            stack.engine(plan).start(db.id());
            stack.requireServing(plan, db.id(), "the old server, started again behind the fence,");
        }
    }

    /** A redone step finds the fence in the history and does not fence twice (it would record limit 0). */
    private DatabaseFenced fence(UpgradeHistory history, Step step, DatabaseEndpoint database) {
        Fence fence = administrator.fence(database);
        long writeCounter = administrator.writeCounter(database);
        List<Baseline.TableRows> counts = inspector.inspect(database).tables();
        return new DatabaseFenced(history.upgradeId(), step, fence.previousConnectionLimit(), fence.terminatedSessions(),
                counts, writeCounter);
    }
}
