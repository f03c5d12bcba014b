package dev.upshift.orchestrator.api;

/**
 * What a step's executor reports when it has done its I/O: an outcome the aggregate records as it is (a
 * {@code StepOutcome} event), or an observation the aggregate judges by a named rule before it records the outcome
 * or the failure ({@link RestoredDatabaseObserved}).
 */
public interface StepReport {

    String upgradeId();

    Step step();
}
