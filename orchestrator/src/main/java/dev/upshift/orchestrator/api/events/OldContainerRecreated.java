package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/** R: the old database container recreated from its recorded spec and healthy. */
@Revision("1")
public record OldContainerRecreated(String upgradeId, Step step, String containerId) implements StepOutcome {
}
