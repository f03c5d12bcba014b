package dev.upshift.orchestrator.api;

/** R: the old database as its server shows it after the rollback, for the aggregate to judge against the baseline. */
public record OldDatabaseObserved(String upgradeId, Step step, Baseline observed) implements StepReport {
}
