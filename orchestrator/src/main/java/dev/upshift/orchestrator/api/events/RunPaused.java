package dev.upshift.orchestrator.api.events;

import org.axonframework.serialization.Revision;

/** The run paused after a phase or a step, as asked with --until. */
@Revision("2")
public record RunPaused(String upgradeId, String after) implements UpgradeEvent {
}
