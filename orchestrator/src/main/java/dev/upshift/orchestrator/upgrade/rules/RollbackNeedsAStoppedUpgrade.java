package dev.upshift.orchestrator.upgrade.rules;

import java.util.Set;

import dev.upshift.orchestrator.api.UpgradeStatus;

/** A rollback undoes an upgrade that changed something and is not running now. */
public record RollbackNeedsAStoppedUpgrade(String upgradeId, UpgradeStatus status) implements DomainRule {

    private static final Set<UpgradeStatus> ROLLBACK_FROM = Set.of(UpgradeStatus.FAILED, UpgradeStatus.PAUSED,
            UpgradeStatus.AWAITING_APPROVAL, UpgradeStatus.AWAITING_WINDOW, UpgradeStatus.COMPLETED, UpgradeStatus.ROLLBACK_FAILED);

    @Override
    public boolean isViolated() {
        return !ROLLBACK_FROM.contains(status);
    }

    @Override
    public String message() {
        return switch (status) {
            case PLANNED, PREFLIGHT_RUNNING, PREFLIGHT_PASSED, PREFLIGHT_FAILED ->
                    "upgrade " + upgradeId + " has not changed anything yet; there is nothing to roll back";
            case RUNNING, ROLLING_BACK -> "upgrade " + upgradeId + " is " + status.label()
                    + "; wait for it, or `upshift resume " + upgradeId + "` if its process died";
            default -> "upgrade " + upgradeId + " is " + status.label() + "; there is nothing to roll back";
        };
    }
}
