package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/** R: the new server's container stopped and removed (its volume kept). */
@Revision("1")
public record NewContainerRemoved(String upgradeId, Step step, String containerId) implements StepOutcome {
}
