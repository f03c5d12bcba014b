package dev.upshift.orchestrator.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Mark a runbook step as started; refused unless it is the step the runbook expects next. */
public record StartStep(@TargetAggregateIdentifier String upgradeId, Step step) {
}
