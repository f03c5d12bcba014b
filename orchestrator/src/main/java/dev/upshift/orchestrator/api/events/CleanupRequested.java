package dev.upshift.orchestrator.api.events;

import org.axonframework.serialization.Revision;

/** {@code upshift cleanup ID --now --yes}: what is kept is removed now, by {@code runner}, not at its time. */
@Revision("1")
public record CleanupRequested(String upgradeId, String runner) implements UpgradeEvent {
}
