package dev.upshift.orchestrator.upgrade.rules;

import dev.upshift.orchestrator.api.Step;

/** A step's outcome is recorded only for the step that is in progress. */
public record OutcomeMatchesTheStepInProgress(Step inProgress, Step reported) implements DomainRule {

    @Override
    public boolean isViolated() {
        return !reported.equals(inProgress);
    }

    @Override
    public String message() {
        return inProgress == null
                ? "step " + reported.number() + " reported an outcome but no step is in progress"
                : "step " + reported.number() + " reported an outcome but step " + inProgress + " is in progress";
    }
}
