package dev.upshift.orchestrator.api.commands;

import dev.upshift.orchestrator.api.UpgradePlan;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a new upgrade with its plan. */
public record PlanUpgrade(@TargetAggregateIdentifier String upgradeId, UpgradePlan plan) {
}
