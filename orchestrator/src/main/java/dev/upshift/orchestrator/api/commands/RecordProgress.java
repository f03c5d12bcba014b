package dev.upshift.orchestrator.api.commands;

import dev.upshift.orchestrator.api.events.StepProgress;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a fact observed while a step is under way; refused unless that step is in progress. */
public record RecordProgress(@TargetAggregateIdentifier String upgradeId, StepProgress fact) {
}
