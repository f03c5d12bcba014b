package dev.upshift.orchestrator.upgrade.rules;

import java.util.Set;

import dev.upshift.orchestrator.api.UpgradeStatus;

/** A completed, rolled-back or abandoned upgrade does not run again: a new attempt is a new plan. */
public record EndedUpgradesStayEnded(String upgradeId, UpgradeStatus status) implements DomainRule {

    private static final Set<UpgradeStatus> ENDED =
            Set.of(UpgradeStatus.COMPLETED, UpgradeStatus.ROLLED_BACK, UpgradeStatus.ROLLBACK_FAILED);

    @Override
    public boolean isViolated() {
        return ENDED.contains(status);
    }

    @Override
    public String message() {
        return "upgrade " + upgradeId + " is " + status.label() + "; plan a new upgrade to try again";
    }
}
