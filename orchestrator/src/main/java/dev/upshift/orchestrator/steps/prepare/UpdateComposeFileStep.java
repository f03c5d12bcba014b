package dev.upshift.orchestrator.steps.prepare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import dev.upshift.orchestrator.api.DataLayout;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.CompatibilityChecked;
import dev.upshift.orchestrator.api.events.ComposeFileUpdated;
import dev.upshift.orchestrator.api.events.ReplicaBuilt;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.ports.ComposeFile;
import dev.upshift.orchestrator.steps.ComposeDataLayout;
import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/**
 * 2.1: the compose file names the target image and the new server's own data volume, so that a later
 * {@code docker compose up} starts what Upshift started; where the target image keeps its data elsewhere (18+:
 * one mount at /var/lib/postgresql), the volume is mounted there ({@link DataLayout#on}). The original is kept
 * beside it, once, untouched. pg_upgrade's link keeps the old volume, the new cluster beside the old one in it
 * ({@link DataLayout#besideOf}), named by PGDATA where the image would not look for it.
 */
@Component
public class UpdateComposeFileStep implements StepExecutor {

    private final ComposeFile composeFile;
    private final StackAccess stack;

    public UpdateComposeFileStep(ComposeFile composeFile, StackAccess stack) {
        this.composeFile = composeFile;
        this.stack = stack;
    }

    @Override
    public StepKind kind() {
        return StepKind.UPDATE_COMPOSE_FILE;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        UpgradePlan plan = history.plan();
        Path file = Path.of(plan.composeFile());
        Path original = originalCopy(file, history.upgradeId());
        CompatibilityChecked target = history.required(CompatibilityChecked.class);
        String oldKey = ComposeDataLayout.volumeKey(plan);
        // read from the original: a redone step finds the mount moved already
        NewServerPlace place = place(plan, history, original);
        String newKey = place.volumeKey();
        DataLayout previous = place.previous();
        DataLayout layout = place.layout();
        composeFile.replaceImage(file, plan.service(), plan.targetImage());
        if (!plan.upgradesInPlace()) {
            composeFile.replaceVolume(file, plan.service(), oldKey, newKey);
        }
        if (layout.movesMountFrom(previous)) {
            composeFile.replaceMountTarget(file, plan.service(), newKey, layout.mountTarget());
        }
        if (plan.upgradesInPlace() && (target.dataLayout() == null
                || !layout.dataDirectory().equals(target.dataLayout().dataDirectory()))) {
            composeFile.setEnvironmentPath(file, plan.service(), "PGDATA", layout.dataDirectory());
        }
        return new ComposeFileUpdated(history.upgradeId(), step, file.toString(), original.toString(),
                plan.sourceImage(), plan.targetImage(), plan.volume(), plan.project() + "_" + newKey, previous, layout);
    }

    /**
     * Where the new server's data goes: its volume (the compose key; the logical method's replica made it already)
     * and its layout, against the old one, read from the compose file as it was before Upshift touched it.
     */
    public NewServerPlace place(UpgradePlan plan, UpgradeHistory history, Path original) {
        CompatibilityChecked target = history.required(CompatibilityChecked.class);
        String oldKey = ComposeDataLayout.volumeKey(plan);
        String newKey = plan.upgradesInPlace() ? oldKey : history.last(ReplicaBuilt.class)
                .map(built -> built.volume().substring(plan.project().length() + 1))
                .orElseGet(() -> newVolumeKey(plan, oldKey, major(target), history.upgradeId()));
        DataLayout previous = ComposeDataLayout.of(composeFile.read(original), plan);
        DataLayout layout = previous.on(target.dataLayout());
        if (plan.upgradesInPlace()) {
            layout = layout.besideOf(previous, major(target));
        }
        return new NewServerPlace(newKey, previous, layout);
    }

    /** @param volumeKey the new volume's key in the compose file (the volume's name without the project's prefix) */
    public record NewServerPlace(String volumeKey, DataLayout previous, DataLayout layout) {
    }

    /** The file as it was before Upshift touched it; a redone step keeps the first copy. */
    static Path originalCopy(Path file, String upgradeId) {
        Path copy = file.resolveSibling(file.getFileName() + ".pre-" + upgradeId);
        try {
            if (!Files.exists(copy)) {
                Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a copy of " + file, e);
        }
    }

    private static String major(CompatibilityChecked target) {
        return target.serverVersion().split("\\.")[0];
    }

    /**
     * "pg_data_pg17" for a 17 target; when an earlier upgrade left a volume of that name (never removed by a
     * rollback), the upgrade's id makes it this upgrade's own. A volume this upgrade made (a crashed 2.4's) is its own.
     */
    private String newVolumeKey(UpgradePlan plan, String oldKey, String major, String upgradeId) {
        String key = oldKey + "_pg" + major;
        String name = plan.project() + "_" + key;
        ContainerEngine engine = stack.engine(plan);
        return engine.volumeExists(name) && !engine.volumesMadeBy(upgradeId).contains(name) ? key + "_" + upgradeId : key;
    }
}
