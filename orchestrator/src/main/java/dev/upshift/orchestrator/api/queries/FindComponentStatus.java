package dev.upshift.orchestrator.api.queries;

/** The runbook's status tables for one upgrade, moment by moment: a list of {@link ComponentStatus}. */
public record FindComponentStatus(String upgradeId) {
}
