package dev.upshift.orchestrator.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record what a step saw or did; refused unless that step is in progress. */
public record CompleteStep(@TargetAggregateIdentifier String upgradeId, StepOutcome outcome) {
}
