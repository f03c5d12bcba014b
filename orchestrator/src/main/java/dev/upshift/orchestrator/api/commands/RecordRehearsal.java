package dev.upshift.orchestrator.api.commands;

import dev.upshift.orchestrator.api.events.RehearsalEvent;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record what a rehearsal did on the upgrade it rehearses; its start and result are refused once the downtime started. */
public record RecordRehearsal(@TargetAggregateIdentifier String upgradeId, RehearsalEvent fact) {
}
