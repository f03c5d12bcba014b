package dev.upshift.orchestrator.api.events;

import org.axonframework.serialization.Revision;

/** The stack serves on the old version with its data; the upgrade is over. */
@Revision("1")
public record RollbackCompleted(String upgradeId) implements UpgradeEvent {
}
