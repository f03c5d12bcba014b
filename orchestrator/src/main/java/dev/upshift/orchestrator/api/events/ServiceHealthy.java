package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/** 4.x: a dependent is healthy on the new version. */
@Revision("1")
public record ServiceHealthy(String upgradeId, Step step, String service, String container, String health) implements StepOutcome {
}
