package dev.upshift.orchestrator.api;

import org.axonframework.serialization.Revision;

/** R: the old database accepts its clients again. */
@Revision("1")
public record FenceLifted(String upgradeId, Step step, int connectionLimit) implements StepOutcome {
}
