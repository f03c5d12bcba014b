package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Baseline;
import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;


/** 0.1: the database as it was before the upgrade. */
@Revision("1")
public record BaselineCaptured(String upgradeId, Step step, Baseline baseline) implements StepOutcome {
}
