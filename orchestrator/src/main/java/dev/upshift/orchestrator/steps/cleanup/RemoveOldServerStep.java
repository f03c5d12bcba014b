package dev.upshift.orchestrator.steps.cleanup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.upshift.orchestrator.api.Retained;
import dev.upshift.orchestrator.api.Retention;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.events.CleanupCompleted;
import dev.upshift.orchestrator.api.events.OldContainerKept;
import dev.upshift.orchestrator.api.events.OldContainerRemoved;
import dev.upshift.orchestrator.api.events.OldImageRemoved;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.ports.ImageInfo;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/**
 * 6.1, when the old image's time has come: the container 3.4 kept, if 5.4 left it, by its recorded id; then the old
 * image's reference — only while it still names the image that container ran and no container was created from that
 * reference (another stack on the engine would need it to recreate its container). {@code docker rmi}, unforced, only
 * untags an image another reference still names, and refuses one a container runs. Each removal is recorded as it
 * happens; a redone step removes only what is left.
 */
@Component
public class RemoveOldServerStep implements StepExecutor {

    private final StackAccess stack;

    public RemoveOldServerStep(StackAccess stack) {
        this.stack = stack;
    }

    @Override
    public StepKind kind() {
        return StepKind.REMOVE_OLD_SERVER;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        ContainerEngine engine = stack.engine(history.plan());
        Retention retention = history.retention();
        OldContainerKept kept = retention.keptContainer();
        List<String> left = new ArrayList<>();
        for (Retained item : retention.toRemove(step)) {
            if (Retained.CONTAINER.equals(item.kind())) {
                engine.remove(kept.containerId()); // refuses a container someone started again: tried again later
                progress.record(new OldContainerRemoved(history.upgradeId(), step, kept.containerId(), item.name()));
            } else {
                removeImage(engine, item.name(), kept == null ? null : kept.imageId(), left)
                        .ifPresent(id -> progress.record(new OldImageRemoved(history.upgradeId(), step, item.name(), id)));
            }
        }
        return new CleanupCompleted(history.upgradeId(), step, left);
    }

    /** @return the image's id when its reference was removed; empty when it is left, with the reason in {@code left} */
    private static Optional<String> removeImage(ContainerEngine engine, String reference, String recordedId,
                                                List<String> left) {
        Optional<ImageInfo> image = engine.image(reference);
        if (image.isEmpty()) {
            left.add("image " + reference + ": already gone");
            return Optional.empty();
        }
        String id = image.get().id();
        if (recordedId != null && !recordedId.equals(id)) {
            left.add("image " + reference + ": now names another image (" + id + "), not the one the old server ran");
            return Optional.empty();
        }
        List<String> users = engine.containersOf(reference); // another stack's, which would need it again to recreate
        if (!users.isEmpty()) {
            left.add("image " + reference + ": used by " + String.join(", ", users));
            return Optional.empty();
        }
        engine.removeImage(reference);
        return Optional.of(id);
    }
}
