package dev.upshift.orchestrator.api;

/** An event that completes a runbook step, carrying what the step saw or did. */
public interface StepOutcome extends UpgradeEvent {

    Step step();
}
