package dev.upshift.orchestrator.api.events;

import java.util.List;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/**
 * A Phase 6 step done: what it was to remove is removed (each removal its own event), except {@code left}, what it
 * found no longer Upshift's or already gone, each with the reason.
 */
@Revision("1")
public record CleanupCompleted(String upgradeId, Step step, List<String> left) implements StepOutcome {

    public CleanupCompleted {
        left = List.copyOf(left);
    }
}
