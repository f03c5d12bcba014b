package dev.upshift.orchestrator.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that a step failed and why. */
public record FailStep(@TargetAggregateIdentifier String upgradeId, Step step, String reason) {
}
