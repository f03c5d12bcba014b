package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/** A step of Phases 1–5 failed; compensation follows. */
@Revision("1")
public record StepFailed(String upgradeId, Step step, String reason) implements UpgradeEvent {
}
