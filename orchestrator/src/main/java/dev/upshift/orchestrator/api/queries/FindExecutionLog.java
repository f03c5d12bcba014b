package dev.upshift.orchestrator.api.queries;

/** The execution log of one upgrade, in runbook order: a list of {@link LogEntry}. */
public record FindExecutionLog(String upgradeId) {
}
