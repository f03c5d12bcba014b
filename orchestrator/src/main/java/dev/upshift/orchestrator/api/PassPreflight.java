package dev.upshift.orchestrator.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that every Phase 0 check passed. */
public record PassPreflight(@TargetAggregateIdentifier String upgradeId) {
}
