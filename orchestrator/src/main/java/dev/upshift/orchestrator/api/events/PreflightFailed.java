package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Phase;
import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;


/** A Phase 0 check failed; the stack was not changed. */
@Revision("1")
public record PreflightFailed(String upgradeId, Step step, String reason) implements UpgradeEvent {
}
