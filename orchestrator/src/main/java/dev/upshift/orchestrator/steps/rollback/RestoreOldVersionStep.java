package dev.upshift.orchestrator.steps.rollback;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.upshift.orchestrator.api.BackupFile;
import dev.upshift.orchestrator.api.ContainerSpec;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.BackupCreated;
import dev.upshift.orchestrator.api.events.DatabaseStopped;
import dev.upshift.orchestrator.api.events.FinalDumpTaken;
import dev.upshift.orchestrator.api.events.OldVersionRestored;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.ports.ComposeFile;
import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.ports.ContainerInfo;
import dev.upshift.orchestrator.steps.ComposeDataLayout;
import dev.upshift.orchestrator.steps.DumpRestore;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.StepFailure;
import dev.upshift.orchestrator.steps.TransferMeter;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import dev.upshift.orchestrator.steps.execute.NewServer;
import org.springframework.stereotype.Component;

/**
 * R (the full rollback): for when the old volume cannot serve again — pg_upgrade's link shared its files with a new
 * server that has run, or the operator says it is gone or changed. The old container's recorded configuration runs
 * on a fresh volume of the project, the compose file names that volume, and the freshest dump Upshift took is
 * restored: the final one, taken behind the fence, where the method took one; else the pre-upgrade backup, which
 * lacks what was written after it (the verification that follows names it). A redone step reuses the volume and the
 * container and restores again into an emptied database.
 */
@Component
public class RestoreOldVersionStep implements StepExecutor {

    private final StackAccess stack;
    private final ComposeFile composeFile;
    private final DumpRestore dumpRestore;

    public RestoreOldVersionStep(StackAccess stack, ComposeFile composeFile, DumpRestore dumpRestore) {
        this.stack = stack;
        this.composeFile = composeFile;
        this.dumpRestore = dumpRestore;
    }

    @Override
    public StepKind kind() {
        return StepKind.RESTORE_OLD_VERSION;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        UpgradePlan plan = history.plan();
        ContainerEngine engine = stack.engine(plan);
        String oldKey = ComposeDataLayout.volumeKey(plan);
        String freshKey = oldKey + "_restored_" + history.upgradeId();
        String volume = plan.project() + "_" + freshKey;
        if (!engine.volumeExists(volume)) {
            stack.createProjectVolume(plan, volume, history.upgradeId());
        }
        composeFile.replaceVolume(Path.of(plan.composeFile()), plan.service(), oldKey, freshKey);
        DatabaseStopped stopped = history.required(DatabaseStopped.class);
        String containerId = container(plan, engine, stopped, volume);
        engine.start(containerId);
        stack.requireAcceptingConnections(plan, containerId, "the old version's server");
        Dump dump = freshestDump(history);
        dumpRestore.into(plan, containerId, dump.file(), dump.roles(), TransferMeter.of(progress, history.upgradeId(), step));
        stack.requirePassingHealthCheck(plan, containerId, "the old version's server");
        return new OldVersionRestored(history.upgradeId(), step, containerId, volume, dump.file().path());
    }

    /**
     * The one an interrupted step created, else a new one; the old container itself, still there when 3.4 had not
     * removed it, goes first (it is stopped, and its volume is kept).
     */
    private String container(UpgradePlan plan, ContainerEngine engine, DatabaseStopped stopped, String volume) {
        Optional<ContainerInfo> existing = engine.serviceContainers(plan.project(), plan.service()).stream()
                .filter(container -> container.image().equals(plan.sourceImage())).findFirst();
        if (existing.isPresent() && !existing.get().id().equals(stopped.containerId())) {
            return existing.get().id();
        }
        existing.ifPresent(old -> engine.remove(old.id()));
        ContainerSpec old = stack.withSecrets(plan, stopped.spec());
        return engine.create(NewServer.serving(old, plan, old.image(), volume, null));
    }

    private record Dump(BackupFile file, BackupFile roles) {
    }

    /** The final dump where there is one, else 1.1's and 1.3's. */
    private static Dump freshestDump(UpgradeHistory history) {
        return history.last(FinalDumpTaken.class).map(taken -> new Dump(taken.file(), taken.roles())).orElseGet(() -> {
            List<BackupCreated> backups = history.all(BackupCreated.class);
            return new Dump(backup(backups, "custom"), backup(backups, "roles"));
        });
    }

    private static BackupFile backup(List<BackupCreated> backups, String kind) {
        return backups.stream().filter(backup -> backup.kind().equals(kind)).map(BackupCreated::file).reduce((a, b) -> b)
                .orElseThrow(() -> new StepFailure("no " + kind + " backup was taken, so there is nothing to restore the old version from"));
    }
}
