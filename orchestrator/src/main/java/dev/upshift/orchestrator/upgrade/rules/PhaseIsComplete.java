package dev.upshift.orchestrator.upgrade.rules;

import dev.upshift.orchestrator.api.Phase;
import dev.upshift.orchestrator.api.Step;

/** A phase is declared passed only after its last step completed. */
public record PhaseIsComplete(Phase phase, Step lastOfPhase, Step lastCompleted) implements DomainRule {

    @Override
    public boolean isViolated() {
        return !lastOfPhase.equals(lastCompleted);
    }

    @Override
    public String message() {
        return "phase " + phase.number() + " is not complete: its last step " + lastOfPhase + " has not completed";
    }
}
