package dev.upshift.orchestrator.api.queries;

/** The figures of one upgrade for its post-mortem: an {@link UpgradeSummary}, or null for an unknown id. */
public record FindUpgradeSummary(String upgradeId) {
}
