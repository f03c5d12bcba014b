package dev.upshift.orchestrator.api;

import org.axonframework.serialization.Revision;


/** Phase 0 started: the checks run against the live stack and change nothing. */
@Revision("1")
public record PreflightStarted(String upgradeId) implements UpgradeEvent {
}
