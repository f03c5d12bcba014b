package dev.upshift.orchestrator.api.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code upshift cleanup ID --now --yes}: remove what the completed upgrade keeps now, in this process. */
public record CleanUpNow(@TargetAggregateIdentifier String upgradeId, String runner) {
}
