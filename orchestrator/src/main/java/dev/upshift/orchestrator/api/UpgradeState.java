package dev.upshift.orchestrator.api;

import dev.upshift.orchestrator.api.events.DowntimeGateReached;
import dev.upshift.orchestrator.api.events.DowntimeScheduled;
import dev.upshift.orchestrator.api.events.MaintenanceWindowReached;
import dev.upshift.orchestrator.api.events.NoMaintenanceWindowFits;
import dev.upshift.orchestrator.api.events.PreflightFailed;
import dev.upshift.orchestrator.api.events.PreflightPassed;
import dev.upshift.orchestrator.api.events.PreflightStarted;
import dev.upshift.orchestrator.api.events.RollbackCompleted;
import dev.upshift.orchestrator.api.events.RollbackFailed;
import dev.upshift.orchestrator.api.events.RollbackInitiated;
import dev.upshift.orchestrator.api.events.RunPaused;
import dev.upshift.orchestrator.api.events.RunResumed;
import dev.upshift.orchestrator.api.events.RunStarted;
import dev.upshift.orchestrator.api.events.StepFailed;
import dev.upshift.orchestrator.api.events.UpgradeCompleted;

/**
 * An upgrade's status as its events move it, shared by the aggregate and the read models so that both tell the
 * same story. {@code runActive} is whether a process is driving the upgrade (a passed pre-flight then goes on).
 */
public record UpgradeState(UpgradeStatus status, boolean runActive) {

    public static final UpgradeState PLANNED = new UpgradeState(UpgradeStatus.PLANNED, false);

    /** The state after the event; events that do not move the status leave it as it is. */
    public UpgradeState next(Object event) {
        if (event instanceof PreflightStarted) {
            return new UpgradeState(UpgradeStatus.PREFLIGHT_RUNNING, runActive);
        }
        if (event instanceof PreflightPassed) {
            return runActive ? running() : rest(UpgradeStatus.PREFLIGHT_PASSED);
        }
        if (event instanceof RunStarted) {
            // from PLANNED or a failed pre-flight, the pre-flight runs first and its passing moves on
            boolean preflightFirst = status == UpgradeStatus.PLANNED || status == UpgradeStatus.PREFLIGHT_FAILED;
            return preflightFirst ? new UpgradeState(status, true) : running();
        }
        if (event instanceof RunResumed) {
            return new UpgradeState(status, true);
        }
        if (event instanceof PreflightFailed) {
            return rest(UpgradeStatus.PREFLIGHT_FAILED);
        }
        if (event instanceof DowntimeGateReached) {
            return rest(UpgradeStatus.AWAITING_APPROVAL);
        }
        if (event instanceof DowntimeScheduled || event instanceof NoMaintenanceWindowFits) {
            return rest(UpgradeStatus.AWAITING_WINDOW);
        }
        if (event instanceof MaintenanceWindowReached) {
            return running();
        }
        if (event instanceof RunPaused) {
            return rest(UpgradeStatus.PAUSED);
        }
        if (event instanceof StepFailed) {
            return new UpgradeState(UpgradeStatus.FAILED, runActive);
        }
        if (event instanceof RollbackInitiated) {
            return new UpgradeState(UpgradeStatus.ROLLING_BACK, runActive);
        }
        if (event instanceof UpgradeCompleted) {
            return rest(UpgradeStatus.COMPLETED);
        }
        if (event instanceof RollbackCompleted) {
            return rest(UpgradeStatus.ROLLED_BACK);
        }
        if (event instanceof RollbackFailed) {
            return rest(UpgradeStatus.ROLLBACK_FAILED);
        }
        return this;
    }

    private static UpgradeState running() {
        return new UpgradeState(UpgradeStatus.RUNNING, true);
    }

    private static UpgradeState rest(UpgradeStatus status) {
        return new UpgradeState(status, false);
    }
}
