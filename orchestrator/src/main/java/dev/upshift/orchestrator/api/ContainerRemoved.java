package dev.upshift.orchestrator.api;

import org.axonframework.serialization.Revision;

/** 3.4: the old container removed; its volume kept. */
@Revision("1")
public record ContainerRemoved(String upgradeId, Step step, String containerId, String name) implements StepOutcome {
}
