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
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.ports.ComposeFile;
import dev.upshift.orchestrator.steps.ComposeDataLayout;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/**
 * 2.1: the compose file names the target image and the new server's own data volume, so that a later
 * {@code docker compose up} starts what Upshift started; where the target image keeps its data elsewhere (18+:
 * one mount at /var/lib/postgresql), the volume is mounted there ({@link DataLayout#on}). The original is kept
 * beside it, once, untouched.
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
        String oldKey = ComposeDataLayout.volumeKey(plan);
        String newKey = newVolumeKey(plan, oldKey, history);
        // read from the original: a redone step finds the mount moved already
        DataLayout previous = ComposeDataLayout.of(composeFile.read(original), plan);
        DataLayout layout = previous.on(history.required(CompatibilityChecked.class).dataLayout());
        composeFile.replaceImage(file, plan.service(), plan.targetImage());
        composeFile.replaceVolume(file, plan.service(), oldKey, newKey);
        if (layout.movesMountFrom(previous)) {
            composeFile.replaceMountTarget(file, plan.service(), newKey, layout.mountTarget());
        }
        return new ComposeFileUpdated(history.upgradeId(), step, file.toString(), original.toString(),
                plan.sourceImage(), plan.targetImage(), plan.volume(), plan.project() + "_" + newKey, previous, layout);
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

    /**
     * "pg_data_pg17" for a 17 target; when an earlier upgrade left a volume of that name (never removed by a
     * rollback), the upgrade's id makes it this upgrade's own.
     */
    private String newVolumeKey(UpgradePlan plan, String oldKey, UpgradeHistory history) {
        String major = history.required(CompatibilityChecked.class).serverVersion().split("\\.")[0];
        String key = oldKey + "_pg" + major;
        return stack.engine(plan).volumeExists(plan.project() + "_" + key) ? key + "_" + history.upgradeId() : key;
    }
}
