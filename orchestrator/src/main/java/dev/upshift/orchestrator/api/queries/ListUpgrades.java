package dev.upshift.orchestrator.api.queries;

/** Every upgrade in the store, newest first: a list of {@link UpgradeView}. */
public record ListUpgrades() {
}
