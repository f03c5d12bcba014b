package dev.upshift.orchestrator.api.queries;

/** Where one upgrade stands: an {@link UpgradeView}, or null for an unknown id. */
public record FindUpgrade(String upgradeId) {
}
