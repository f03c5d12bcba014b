package dev.upshift.orchestrator.api.commands;

import dev.upshift.orchestrator.api.events.StepOutcome;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record what a step saw or did; refused unless that step is in progress. */
public record CompleteStep(@TargetAggregateIdentifier String upgradeId, StepOutcome outcome) {
}
