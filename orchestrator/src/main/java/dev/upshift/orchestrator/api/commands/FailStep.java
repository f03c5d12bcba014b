package dev.upshift.orchestrator.api.commands;

import dev.upshift.orchestrator.api.Phase;
import dev.upshift.orchestrator.api.Step;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that a step failed and why: in Phase 0 the pre-flight fails, later the compensation follows. */
public record FailStep(@TargetAggregateIdentifier String upgradeId, Step step, String reason) {
}
