package dev.upshift.orchestrator.api.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Start the compensation, as the operator asks (the automatic one after a failure is the aggregate's own decision). */
public record InitiateRollback(@TargetAggregateIdentifier String upgradeId, String reason, String mode, boolean acceptDataLoss,
                               String runner) {
}
