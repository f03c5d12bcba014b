package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/** R: the compose file is the original again. */
@Revision("1")
public record ComposeFileReverted(String upgradeId, Step step, String file) implements StepOutcome {
}
