package dev.upshift.orchestrator.api.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take over a run whose process died: the step in progress is checked against the world and finished or redone. */
public record ResumeRun(@TargetAggregateIdentifier String upgradeId, String runner) {
}
