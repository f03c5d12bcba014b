package dev.upshift.orchestrator.upgrade.rules;

import dev.upshift.orchestrator.api.Step;

/** Phases start only when no step is under way: a running step is resumed, never started over beside itself. */
public record NoStepMayBeInProgress(String upgradeId, Step inProgress) implements DomainRule {

    @Override
    public boolean isViolated() {
        return inProgress != null;
    }

    @Override
    public String message() {
        return "upgrade " + upgradeId + " is running step " + inProgress + "; wait for it, or `upshift resume "
                + upgradeId + "` if its process died";
    }
}
