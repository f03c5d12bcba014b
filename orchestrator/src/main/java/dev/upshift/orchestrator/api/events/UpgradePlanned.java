package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.UpgradePlan;
import org.axonframework.serialization.Revision;


/** The operator planned an upgrade; nothing in the stack has changed. */
@Revision("3")
public record UpgradePlanned(String upgradeId, UpgradePlan plan) implements UpgradeEvent {
}
