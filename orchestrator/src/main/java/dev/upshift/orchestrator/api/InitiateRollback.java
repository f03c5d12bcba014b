package dev.upshift.orchestrator.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Start the compensation: automatic after a failure, or asked by the operator. */
public record InitiateRollback(@TargetAggregateIdentifier String upgradeId, String reason, String mode, boolean automatic, boolean acceptDataLoss,
                               String runner) {
}
