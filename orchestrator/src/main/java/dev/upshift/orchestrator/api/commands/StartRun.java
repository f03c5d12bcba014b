package dev.upshift.orchestrator.api.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Run the upgrade from where it stands; runner names the process (host and pid); approve approves the downtime too. */
public record StartRun(@TargetAggregateIdentifier String upgradeId, String runner, String until, boolean approve) {
}
