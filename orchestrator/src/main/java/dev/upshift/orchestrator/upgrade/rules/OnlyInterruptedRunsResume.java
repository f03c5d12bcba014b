package dev.upshift.orchestrator.upgrade.rules;

import dev.upshift.orchestrator.api.UpgradeStatus;

/** Resume is for a run whose process died; an upgrade at rest is continued with run. */
public record OnlyInterruptedRunsResume(String upgradeId, UpgradeStatus status) implements DomainRule {

    @Override
    public boolean isViolated() {
        return status.resting();
    }

    @Override
    public String message() {
        return "upgrade " + upgradeId + " is " + status.label() + ", not interrupted; nothing to resume ("
                + "`upshift run " + upgradeId + "` continues it)";
    }
}
