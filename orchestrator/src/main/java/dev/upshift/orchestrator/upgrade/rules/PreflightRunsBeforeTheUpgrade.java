package dev.upshift.orchestrator.upgrade.rules;

import java.util.Set;

import dev.upshift.orchestrator.api.UpgradeStatus;

/** Phase 0 may be run, and run again, only while nothing of the upgrade has happened yet. */
public record PreflightRunsBeforeTheUpgrade(String upgradeId, UpgradeStatus status) implements DomainRule {

    private static final Set<UpgradeStatus> BEFORE_THE_UPGRADE =
            Set.of(UpgradeStatus.PLANNED, UpgradeStatus.PREFLIGHT_PASSED, UpgradeStatus.PREFLIGHT_FAILED);

    @Override
    public boolean isViolated() {
        return !BEFORE_THE_UPGRADE.contains(status);
    }

    @Override
    public String message() {
        return "upgrade " + upgradeId + " is " + status.name().toLowerCase().replace('_', ' ')
                + "; pre-flight checks run only before the upgrade starts";
    }
}
