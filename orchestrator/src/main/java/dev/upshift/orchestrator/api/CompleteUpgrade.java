package dev.upshift.orchestrator.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that the last step completed and the stack serves on the new version. */
public record CompleteUpgrade(@TargetAggregateIdentifier String upgradeId) {
}
