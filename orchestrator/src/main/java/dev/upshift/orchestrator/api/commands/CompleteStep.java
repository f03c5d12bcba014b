package dev.upshift.orchestrator.api.commands;

import dev.upshift.orchestrator.api.StepReport;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record what a step saw or did, as the aggregate judges it; refused unless that step is in progress. */
public record CompleteStep(@TargetAggregateIdentifier String upgradeId, StepReport report) {
}
