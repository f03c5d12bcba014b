package dev.upshift.orchestrator.api.commands;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Mark a runbook step as started; refused unless it is the step the runbook expects next (or the one in progress)
 * and {@code runner} is the process that drives the upgrade.
 */
public record StartStep(@TargetAggregateIdentifier String upgradeId, Step step, String runner) {
}
