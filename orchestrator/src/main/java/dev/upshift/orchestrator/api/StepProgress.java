package dev.upshift.orchestrator.api;

/** A fact observed while a step is still under way (a dependent stopped, the database fenced). */
public interface StepProgress extends UpgradeEvent {

    Step step();
}
