package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/** R: the old database accepts its clients again. */
@Revision("1")
public record FenceLifted(String upgradeId, Step step, int connectionLimit) implements StepOutcome {
}
