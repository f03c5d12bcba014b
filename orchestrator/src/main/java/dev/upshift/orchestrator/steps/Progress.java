package dev.upshift.orchestrator.steps;

import dev.upshift.orchestrator.api.StepProgress;

/** Records what a step observes while it is still under way, the moment it happens. */
@FunctionalInterface
public interface Progress {

    void record(StepProgress fact);
}
