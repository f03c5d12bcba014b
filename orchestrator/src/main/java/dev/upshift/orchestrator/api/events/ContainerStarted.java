package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/** 3.5: the new server's container created and started on the new volume. */
@Revision("1")
public record ContainerStarted(String upgradeId, Step step, String containerId, String image) implements StepProgress {
}
