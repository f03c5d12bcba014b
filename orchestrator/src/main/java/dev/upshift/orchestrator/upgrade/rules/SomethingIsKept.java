package dev.upshift.orchestrator.upgrade.rules;

import java.util.List;

import dev.upshift.orchestrator.api.Retained;
import dev.upshift.orchestrator.api.UpgradeStatus;

/** {@code cleanup --now} removes what a completed upgrade keeps: there must be something. */
public record SomethingIsKept(String upgradeId, UpgradeStatus status, List<Retained> pending) implements DomainRule {

    @Override
    public boolean isViolated() {
        return status != UpgradeStatus.COMPLETED || pending.isEmpty();
    }

    @Override
    public String message() {
        return status != UpgradeStatus.COMPLETED
                ? "upgrade " + upgradeId + " is " + status.label() + "; only a completed upgrade's old container, image, "
                        + "volume and backups are removed"
                : "upgrade " + upgradeId + " keeps nothing that is still to be removed; `upshift cleanup " + upgradeId
                        + "` lists what was removed";
    }
}
