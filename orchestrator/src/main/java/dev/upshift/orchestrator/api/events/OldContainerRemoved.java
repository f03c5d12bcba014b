package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/** 6.1: the old container 3.4 kept, removed (its volumes are not). */
@Revision("1")
public record OldContainerRemoved(String upgradeId, Step step, String containerId, String name) implements StepProgress {
}
