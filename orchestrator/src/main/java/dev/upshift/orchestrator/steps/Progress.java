package dev.upshift.orchestrator.steps;

import java.time.Clock;
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

    /** This progress for a wait that looks more often than the interval: it records at most one fact per interval. */
    default Progress sampled() {
        return new SampledProgress(this, interval(), Clock.systemUTC());
    }
}
