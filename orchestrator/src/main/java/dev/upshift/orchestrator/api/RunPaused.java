package dev.upshift.orchestrator.api;

import org.axonframework.serialization.Revision;

/** The run paused after a phase, as asked with --until. */
@Revision("1")
public record RunPaused(String upgradeId, int afterPhase) implements UpgradeEvent {
}
