package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/** 4.x: a dependent started on the new version. */
@Revision("1")
public record ServiceStarted(String upgradeId, Step step, String service, String container) implements StepProgress {
}
