package dev.upshift.orchestrator.api.events;

import java.util.List;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/**
 * A step that removes what the upgrade kept is done (5.4, the old container; Phase 6, retention's): what it was to
 * remove is removed (each removal its own event), except {@code left}, each with the reason — found no longer
 * Upshift's, already gone, or (5.4) refused, for retention to remove with the old image.
 */
@Revision("1")
public record CleanupCompleted(String upgradeId, Step step, List<String> left) implements StepOutcome {

    public CleanupCompleted {
        left = List.copyOf(left);
    }
}
