package dev.upshift.orchestrator.api;

/** Where an upgrade stands, as its events say. */
public enum UpgradeStatus {
    PLANNED,
    PREFLIGHT_RUNNING,
    PREFLIGHT_PASSED,
    PREFLIGHT_FAILED;

    /** True when no step is under way and the process may stop (a gate, or an end). */
    public boolean resting() {
        return this != PREFLIGHT_RUNNING;
    }
}
