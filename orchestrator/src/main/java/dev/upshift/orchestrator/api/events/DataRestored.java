package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/** 3.5: roles and the final dump restored into the new server. */
@Revision("1")
public record DataRestored(String upgradeId, Step step, String containerId, String dump) implements StepOutcome {
}
