package dev.upshift.orchestrator.api;

import java.util.Objects;

/**
 * One step of an upgrade's runbook: its number as the execution log shows it ("3.5"), what it does,
 * and the service it acts on for the per-service steps of Phase 4 (null otherwise).
 */
public record Step(String number, StepKind kind, String service) {

    public Step {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(kind, "kind");
    }

    public Phase phase() {
        return kind.phase();
    }

    /** Where the step sorts in a log: by phase, then by its index (so that 4.12 follows 4.2). */
    public int position() {
        return phase().ordinal() * 1000 + Integer.parseInt(number.substring(number.indexOf('.') + 1));
    }

    public String title() {
        return kind.title(service);
    }

    @Override
    public String toString() {
        return number + " " + title();
    }
}
