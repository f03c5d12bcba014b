package dev.upshift.orchestrator.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Approve the downtime of Phase 3. */
public record ApproveDowntime(@TargetAggregateIdentifier String upgradeId) {
}
