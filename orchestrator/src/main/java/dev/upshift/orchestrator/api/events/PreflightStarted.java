package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Phase;
import org.axonframework.serialization.Revision;


/** Phase 0 started: the checks run against the live stack and change nothing; runner is the process that runs them. */
@Revision("1")
public record PreflightStarted(String upgradeId, String runner) implements UpgradeEvent {
}
