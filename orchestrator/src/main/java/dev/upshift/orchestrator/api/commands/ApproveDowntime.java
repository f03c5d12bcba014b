package dev.upshift.orchestrator.api.commands;

import dev.upshift.orchestrator.api.Phase;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Approve the downtime of Phase 3. */
public record ApproveDowntime(@TargetAggregateIdentifier String upgradeId) {
}
