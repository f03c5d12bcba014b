package dev.upshift.orchestrator.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Run Phase 0 against the live stack. */
public record StartPreflight(@TargetAggregateIdentifier String upgradeId, String runner) {
}
