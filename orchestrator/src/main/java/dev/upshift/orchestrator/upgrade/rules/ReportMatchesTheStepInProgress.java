package dev.upshift.orchestrator.upgrade.rules;

import dev.upshift.orchestrator.api.Step;

/**
 * What a step reports — its outcome, or how far it is while it runs — is recorded only for the step in progress.
 * {@code report} names it in the message: "an outcome", "progress".
 */
public record ReportMatchesTheStepInProgress(Step inProgress, Step reported, String report) implements DomainRule {

    public static ReportMatchesTheStepInProgress outcome(Step inProgress, Step reported) {
        return new ReportMatchesTheStepInProgress(inProgress, reported, "an outcome");
    }

    public static ReportMatchesTheStepInProgress progress(Step inProgress, Step reported) {
        return new ReportMatchesTheStepInProgress(inProgress, reported, "progress");
    }

    @Override
    public boolean isViolated() {
        return !reported.equals(inProgress);
    }

    @Override
    public String message() {
        return inProgress == null
                ? "step " + reported.number() + " reported " + report + " but no step is in progress"
                : "step " + reported.number() + " reported " + report + " but step " + inProgress + " is in progress";
    }
}
