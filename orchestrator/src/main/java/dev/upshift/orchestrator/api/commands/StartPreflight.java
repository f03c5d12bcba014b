package dev.upshift.orchestrator.api.commands;

import dev.upshift.orchestrator.api.Phase;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Run Phase 0 against the live stack. */
public record StartPreflight(@TargetAggregateIdentifier String upgradeId, String runner) {
}
