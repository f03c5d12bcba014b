package dev.upshift.orchestrator.api.events;

import org.axonframework.serialization.Revision;

/** The database runs the new major version with all its data; the stack is serving. */
@Revision("1")
public record UpgradeCompleted(String upgradeId) implements UpgradeEvent {
}
