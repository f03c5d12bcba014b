package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/** 3.4: the old container removed; its volume kept. */
@Revision("1")
public record ContainerRemoved(String upgradeId, Step step, String containerId, String name) implements StepOutcome {
}
