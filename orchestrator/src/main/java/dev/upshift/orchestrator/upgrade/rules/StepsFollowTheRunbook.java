package dev.upshift.orchestrator.upgrade.rules;

import dev.upshift.orchestrator.api.Step;

/**
 * A step starts only when the runbook says it is next, or again when it is the one in progress (a resumed
 * run re-checks it against the world).
 */
public record StepsFollowTheRunbook(Step expected, Step inProgress, Step requested) implements DomainRule {

    @Override
    public boolean isViolated() {
        return inProgress != null ? !requested.equals(inProgress) : !requested.equals(expected);
    }

    @Override
    public String message() {
        if (inProgress != null) {
            return "step " + requested.number() + " cannot start: step " + inProgress + " is in progress";
        }
        return expected == null
                ? "step " + requested.number() + " cannot start: no step is due now"
                : "step " + requested.number() + " cannot start: the runbook's next step is " + expected;
    }
}
