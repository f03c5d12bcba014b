package dev.upshift.orchestrator.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Pause the run after a phase, as asked with --until. */
public record PauseRun(@TargetAggregateIdentifier String upgradeId, int afterPhase) {
}
