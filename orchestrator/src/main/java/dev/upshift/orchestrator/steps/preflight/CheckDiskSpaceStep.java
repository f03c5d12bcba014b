package dev.upshift.orchestrator.steps.preflight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.upshift.orchestrator.api.Baseline;
import dev.upshift.orchestrator.api.DiskSpace;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradeMethod;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.DiskSpaceChecked;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.StepFailure;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import dev.upshift.orchestrator.text.Bytes;
import org.springframework.stereotype.Component;

/**
 * 0.2: free space where the backups go (two Phase 1 dumps and dump-restore's final dump, each at most the database's
 * size) and where the new data directory goes (the engine's data root: the restored or copied database — or, for
 * pg_upgrade's link, which copies no data file, 0.7's checked copy — a second physical copy with
 * {@code --snapshot copy}, and the target image if it is not there yet), each plus the runbook's 500 MB of headroom.
 */
@Component
public class CheckDiskSpaceStep implements StepExecutor {

    static final long HEADROOM_BYTES = 500L * 1024 * 1024;

    private final StackAccess stack;

    public CheckDiskSpaceStep(StackAccess stack) {
        this.stack = stack;
    }

    @Override
    public StepKind kind() {
        return StepKind.DISK_SPACE;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        UpgradePlan plan = history.plan();
        ContainerEngine engine = stack.engine(plan);
        Baseline baseline = history.baseline().orElseThrow(() -> new StepFailure("no baseline: step 0.1 has not run"));
        long size = baseline.databaseSizeBytes();
        long targetImageBytes = engine.image(plan.targetImage()).isPresent() ? 0 : size;
        int dumps = plan.method() == UpgradeMethod.DUMP_RESTORE ? 3 : 2;
        long newData = size + (UpgradePlan.COPY.equals(plan.snapshot()) ? size : 0);
        List<DiskSpace> locations = List.of(
                new DiskSpace("backups", plan.backupDir(), freeBytes(Path.of(plan.backupDir())),
                        dumps * size + HEADROOM_BYTES),
                new DiskSpace("new data directory", "docker data root", engine.dataRootFreeBytes(),
                        newData + targetImageBytes + HEADROOM_BYTES));
        List<DiskSpace> insufficient = locations.stream().filter(location -> !location.sufficient()).toList();
        if (!insufficient.isEmpty()) {
            DiskSpace first = insufficient.get(0);
            throw new StepFailure("not enough free space for the " + first.purpose() + " at " + first.path() + ": "
                    + Bytes.human(first.freeBytes()) + " free, " + Bytes.human(first.requiredBytes()) + " required");
        }
        return new DiskSpaceChecked(history.upgradeId(), step, locations);
    }

    /** The backup directory may not exist yet: measure the filesystem of its nearest existing ancestor. */
    private static long freeBytes(Path directory) {
        Path existing = directory.toAbsolutePath();
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return Files.getFileStore(existing).getUsableSpace();
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read free space at " + existing, unreadable);
        }
    }
}
