package dev.upshift.orchestrator.steps.execute;

import java.time.Duration;
import java.util.List;

import dev.upshift.orchestrator.api.BackupFile;
import dev.upshift.orchestrator.api.Baseline;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.DatabaseFenced;
import dev.upshift.orchestrator.api.events.FinalDumpTaken;
import dev.upshift.orchestrator.api.events.ServiceStopped;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.ports.ContainerInfo;
import dev.upshift.orchestrator.ports.DatabaseAdministrator;
import dev.upshift.orchestrator.ports.DatabaseAdministrator.Fence;
import dev.upshift.orchestrator.ports.DatabaseEndpoint;
import dev.upshift.orchestrator.ports.DatabaseInspector;
import dev.upshift.orchestrator.steps.Backups;
import dev.upshift.orchestrator.steps.PgDumpProgress;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.TransferMeter;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/**
 * 3.1: the downtime starts. The dependents stop, most dependent first; the database is fenced so that no
 * client but Upshift can write; the rows of every table are counted; and the final dump — the one restored —
 * is taken behind the fence, with the write counter read before and after it: the aggregate accepts the dump
 * only if nothing was written in between. This is where the runbook lost the writes made after its Phase 1 dump.
 */
@Component
public class StopDependentsStep implements StepExecutor {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final StackAccess stack;
    private final DatabaseAdministrator administrator;
    private final DatabaseInspector inspector;
    private final Backups backups;

    public StopDependentsStep(StackAccess stack, DatabaseAdministrator administrator, DatabaseInspector inspector,
                              Backups backups) {
        this.stack = stack;
        this.administrator = administrator;
        this.inspector = inspector;
        this.backups = backups;
    }

    @Override
    public StepKind kind() {
        return StepKind.STOP_DEPENDENTS;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
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
        DatabaseEndpoint database = stack.database(plan);
        DatabaseFenced fenced = history.last(DatabaseFenced.class).orElseGet(() -> fence(history, step, database));
        if (history.last(DatabaseFenced.class).isEmpty()) {
            progress.record(fenced);
        }
        BackupFile dump = backups.dump(plan, history.upgradeId() + "_final.dump",
                List.of("pg_dump", "--verbose", "-U", plan.superuser(), "-Fc", "-d", plan.database()),
                PgDumpProgress.of(fenced.tables(), TransferMeter.of(progress, history.upgradeId(), step)));
        BackupFile roles = backups.dump(plan, history.upgradeId() + "_final_roles.sql",
                List.of("pg_dumpall", "-U", plan.superuser(), "--roles-only"), line -> { });
        long writes = administrator.writeCounter(database) - fenced.writeCounter();
        return new FinalDumpTaken(history.upgradeId(), step, dump, roles, writes); // the aggregate judges the writes
    }

    /**
     * A redone step may find the database already stopped by a 3.2 whose start the store never recorded (a
     * crashed process): the old server starts again, still fenced, for the dump to be taken behind the fence.
     */
    private void ensureRunning(UpgradePlan plan) {
        ContainerInfo db = stack.container(plan, plan.service());
        if (!db.running()) {
            stack.engine(plan).start(db.id());
            stack.requireServing(plan, db.id(), "the old server, started again for the final dump,");
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
