package dev.upshift.orchestrator.upgrade.rules;

import dev.upshift.orchestrator.api.MaintenanceWindow.Opening;
import dev.upshift.orchestrator.api.UpgradeStatus;

/**
 * An upgrade waiting for its maintenance window starts its downtime when the window opens, on a node, not when a run
 * is asked for; {@code awaited} is null when no window holds the downtime.
 */
public record TheWindowStartsTheDowntime(String upgradeId, UpgradeStatus status, Opening awaited) implements DomainRule {

    @Override
    public boolean isViolated() {
        return status == UpgradeStatus.AWAITING_WINDOW;
    }

    @Override
    public String message() {
        String rollback = "`upshift rollback " + upgradeId + " --yes` gives it up";
        return awaited == null
                ? "upgrade " + upgradeId + " has no maintenance window that holds its downtime; " + rollback
                : "upgrade " + upgradeId + " waits for its maintenance window: a node (upshift serve) starts Phase 3 at "
                        + awaited.opens() + " (" + awaited.window() + "); " + rollback;
    }
}
