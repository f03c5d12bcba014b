package dev.upshift.orchestrator.api.events;

import org.axonframework.serialization.Revision;

/** Phases 1 and 2 are done; downtime starts only once it is approved. */
@Revision("1")
public record DowntimeGateReached(String upgradeId) implements UpgradeEvent {
}
