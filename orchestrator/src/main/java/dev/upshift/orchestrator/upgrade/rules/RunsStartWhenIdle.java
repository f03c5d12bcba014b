package dev.upshift.orchestrator.upgrade.rules;

import dev.upshift.orchestrator.api.UpgradeStatus;

/** One process runs an upgrade at a time; another that finds it under way is told how to take over. */
public record RunsStartWhenIdle(String upgradeId, UpgradeStatus status, String runner) implements DomainRule {

    @Override
    public boolean isViolated() {
        return !status.resting();
    }

    @Override
    public String message() {
        return "upgrade " + upgradeId + " is already running (" + runner + "); if that process died, "
                + "`upshift resume " + upgradeId + "` takes over";
    }
}
