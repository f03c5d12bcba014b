package dev.upshift.orchestrator.upgrade.rules;

import dev.upshift.orchestrator.api.Step;

/** What a step sees while it runs, how far it is included, is recorded only while that step is in progress. */
public record ProgressMatchesTheStepInProgress(Step inProgress, Step reported) implements DomainRule {

    @Override
    public boolean isViolated() {
        return !reported.equals(inProgress);
    }

    @Override
    public String message() {
        return inProgress == null
                ? "step " + reported.number() + " reported progress but no step is in progress"
                : "step " + reported.number() + " reported progress but step " + inProgress + " is in progress";
    }
}
