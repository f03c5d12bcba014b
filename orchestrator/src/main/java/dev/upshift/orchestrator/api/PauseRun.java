package dev.upshift.orchestrator.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Pause the run after a phase or a step, as asked with --until. */
public record PauseRun(@TargetAggregateIdentifier String upgradeId, String after) {
}
