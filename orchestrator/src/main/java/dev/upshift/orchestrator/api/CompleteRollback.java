package dev.upshift.orchestrator.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that every compensating step completed. */
public record CompleteRollback(@TargetAggregateIdentifier String upgradeId) {
}
