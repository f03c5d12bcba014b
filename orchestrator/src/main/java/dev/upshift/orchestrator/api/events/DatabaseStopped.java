package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.ContainerSpec;
import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/** 3.2: the old database stopped; its full configuration recorded so that it can be recreated exactly. */
@Revision("1")
public record DatabaseStopped(String upgradeId, Step step, String containerId, ContainerSpec spec) implements StepOutcome {
}
