package dev.upshift.orchestrator.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop before Phase 3 until the downtime is approved. */
public record WaitAtGate(@TargetAggregateIdentifier String upgradeId) {
}
