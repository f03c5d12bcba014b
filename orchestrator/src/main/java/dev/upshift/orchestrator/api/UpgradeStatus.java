package dev.upshift.orchestrator.api;

import java.util.Set;

/** Where an upgrade stands, as its events say. */
public enum UpgradeStatus {
    PLANNED,
    PREFLIGHT_RUNNING,
    PREFLIGHT_PASSED,
    PREFLIGHT_FAILED,
    RUNNING,
    PAUSED,
    AWAITING_APPROVAL,
    AWAITING_WINDOW,
    FAILED,
    ROLLING_BACK,
    COMPLETED,
    ROLLED_BACK,
    ROLLBACK_FAILED;

    private static final Set<UpgradeStatus> UNDER_WAY = Set.of(PREFLIGHT_RUNNING, RUNNING, FAILED, ROLLING_BACK);
    private static final Set<UpgradeStatus> OVER = Set.of(COMPLETED, ROLLED_BACK);

    /** True when no step is under way and none will start by itself: at a gate, or at an end. */
    public boolean resting() {
        return !UNDER_WAY.contains(this);
    }

    /** True when the upgrade has ended and nothing more can be done with it. */
    public boolean over() {
        return OVER.contains(this);
    }

    public String label() {
        return name().toLowerCase().replace('_', ' ');
    }
}
