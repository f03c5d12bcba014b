package dev.upshift.orchestrator.api;

/**
 * 3.7: the restored database as the new server shows it, for the aggregate to judge against the baseline and the
 * fence counts; its write counter, so that a later rollback can tell whether the new server has taken writes since.
 */
public record RestoredDatabaseObserved(String upgradeId, Step step, Baseline restored, long writeCounter)
        implements StepReport {
}
