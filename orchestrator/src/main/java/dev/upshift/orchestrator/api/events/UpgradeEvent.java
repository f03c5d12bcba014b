package dev.upshift.orchestrator.api.events;

/**
 * Every event of an upgrade names the upgrade it belongs to. Sealed: the events of the Upgrade aggregate are all
 * here, so that the store's readers (read models, summaries, the event catalogue) can be checked against one list.
 */
public sealed interface UpgradeEvent permits StepOutcome, StepProgress, RehearsalEvent,
        DowntimeApproved, DowntimeGateReached, DowntimeScheduled, MaintenanceWindowReached, NoMaintenanceWindowFits,
        PreflightFailed, PreflightPassed, PreflightStarted, RollbackCompleted,
        RollbackFailed, RollbackInitiated, RunPaused, RunResumed, RunStarted, StepDue, StepFailed, StepStarted,
        UpgradeCompleted, UpgradePlanned, RetentionScheduled, RetentionRemovalFailed, RetentionCancelled, CleanupRequested {

    String upgradeId();
}
