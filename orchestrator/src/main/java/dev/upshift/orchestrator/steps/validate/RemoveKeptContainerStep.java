package dev.upshift.orchestrator.steps.validate;

import java.util.List;
import java.util.Optional;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.events.CleanupCompleted;
import dev.upshift.orchestrator.api.events.OldContainerKept;
import dev.upshift.orchestrator.api.events.OldContainerRemoved;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/**
 * 5.4, after the downtime: the old container 3.4 set aside goes, by its recorded id. It still carries compose's
 * labels for the service, and `docker compose up -d` would take it for the service's container: it removed the new
 * server and the kept one and left the database down (docs/operator-guide.md, "Retention"). A removal the engine
 * refuses does not fail the upgrade: the container is left for retention's 6.1, with the old image.
 */
@Component
public class RemoveKeptContainerStep implements StepExecutor {

    private final StackAccess stack;

    public RemoveKeptContainerStep(StackAccess stack) {
        this.stack = stack;
    }

    @Override
    public StepKind kind() {
        return StepKind.REMOVE_KEPT_CONTAINER;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        Optional<OldContainerKept> kept = history.last(OldContainerKept.class);
        if (kept.isEmpty()) {
            return new CleanupCompleted(history.upgradeId(), step, List.of()); // 3.4 removed it, as before retention
        }
        try {
            stack.engine(history.plan()).remove(kept.get().containerId());
        } catch (RuntimeException refused) {
            return new CleanupCompleted(history.upgradeId(), step, List.of("container " + kept.get().keptAs() + ": "
                    + refused.getMessage() + "; retention removes it with the old image"));
        }
        progress.record(new OldContainerRemoved(history.upgradeId(), step, kept.get().containerId(), kept.get().keptAs()));
        return new CleanupCompleted(history.upgradeId(), step, List.of());
    }
}
