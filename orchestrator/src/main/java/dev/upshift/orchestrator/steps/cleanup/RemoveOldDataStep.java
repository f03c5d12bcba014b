package dev.upshift.orchestrator.steps.cleanup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.upshift.orchestrator.api.BackupFile;
import dev.upshift.orchestrator.api.Retained;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.events.BackupCreated;
import dev.upshift.orchestrator.api.events.BackupsRemoved;
import dev.upshift.orchestrator.api.events.CleanupCompleted;
import dev.upshift.orchestrator.api.events.FinalDumpTaken;
import dev.upshift.orchestrator.api.events.OldVolumeRemoved;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.steps.Backups;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/**
 * 6.2, when the old data's time has come: the old volume (and 3.3's copy), by the names 3.3 recorded, only when no
 * container uses it (the engine refuses: the step fails and is tried again later); then the backup files of 1.x and
 * 3.1, each only while it still has the checksum recorded when it was written — a file changed since is not
 * Upshift's any more, and stays. Each removal is recorded as it happens; a redone step removes only what is left.
 */
@Component
public class RemoveOldDataStep implements StepExecutor {

    private final StackAccess stack;

    public RemoveOldDataStep(StackAccess stack) {
        this.stack = stack;
    }

    @Override
    public StepKind kind() {
        return StepKind.REMOVE_OLD_DATA;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        ContainerEngine engine = stack.engine(history.plan());
        List<Retained> items = history.retention().toRemove(step);
        List<String> left = new ArrayList<>();
        items.stream().filter(item -> Retained.VOLUME.equals(item.kind())).forEach(item -> {
            if (!engine.volumeExists(item.name())) {
                left.add(item + ": already gone");
                return;
            }
            engine.removeUnusedVolume(item.name());
            progress.record(new OldVolumeRemoved(history.upgradeId(), step, item.name()));
        });
        Map<String, BackupFile> written = written(history);
        List<String> removed = new ArrayList<>();
        items.stream().filter(item -> Retained.BACKUP.equals(item.kind())).forEach(item -> {
            Path file = Path.of(item.name());
            if (!Files.isRegularFile(file)) {
                left.add(item + ": not found here (removed already, or written on another host)");
            } else if (!Backups.sha256(file).equals(written.get(item.name()).sha256())) {
                left.add(item + ": changed since Upshift wrote it");
            } else {
                delete(file);
                removed.add(item.name());
            }
        });
        if (!removed.isEmpty()) {
            progress.record(new BackupsRemoved(history.upgradeId(), step, removed));
        }
        return new CleanupCompleted(history.upgradeId(), step, left);
    }

    /** Every file the upgrade wrote, by path, as recorded when it was written. */
    private static Map<String, BackupFile> written(UpgradeHistory history) {
        return Stream.concat(history.all(BackupCreated.class).stream().map(BackupCreated::file),
                        history.all(FinalDumpTaken.class).stream().flatMap(dump -> Stream.of(dump.file(), dump.roles())))
                .collect(Collectors.toMap(BackupFile::path, Function.identity(), (first, last) -> last));
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file, e);
        }
    }
}
