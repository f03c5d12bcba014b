package dev.upshift.orchestrator.steps;

import java.time.Duration;

import dev.upshift.orchestrator.api.events.StepProgress;

/** Records what a step observes while it is still under way, the moment it happens. */
@FunctionalInterface
public interface Progress {

    void record(StepProgress fact);

    /** How often a long transfer of the step records how far it is ({@link TransferMeter}). */
    default Duration interval() {
        return TransferMeter.INTERVAL;
    }
}
