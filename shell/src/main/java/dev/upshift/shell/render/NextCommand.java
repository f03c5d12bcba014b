package dev.upshift.shell.render;

import dev.upshift.orchestrator.api.UpgradeStatus;

/** What the operator types next for an upgrade, as the status says. */
public final class NextCommand {

    private NextCommand() {
    }

    /**
     * @return the command, or null while a step is under way (the process running it goes on; `upshift resume`
     *         only if that process died), while Phase 3 waits for its maintenance window (a node starts it) and after a
     *         stopped rollback (what is left is done by hand)
     */
    public static String of(String upgradeId, UpgradeStatus status) {
        return switch (status) {
            case PLANNED, PREFLIGHT_FAILED -> "upshift preflight " + upgradeId;
            case PREFLIGHT_PASSED -> "upshift run " + upgradeId;
            // approving alone leaves the upgrade at the gate; this approves and goes on, whether approved or not
            case AWAITING_APPROVAL -> "upshift run " + upgradeId + " --yes";
            case PAUSED -> "upshift advance " + upgradeId;
            case COMPLETED, ROLLED_BACK -> "upshift report " + upgradeId + " --out " + upgradeId + ".md";
            case PREFLIGHT_RUNNING, RUNNING, FAILED, ROLLING_BACK, ROLLBACK_FAILED, AWAITING_WINDOW -> null;
        };
    }
}
