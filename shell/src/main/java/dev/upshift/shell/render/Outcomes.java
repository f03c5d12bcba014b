package dev.upshift.shell.render;

import java.util.List;

import dev.upshift.orchestrator.api.queries.LogEntry;
import dev.upshift.orchestrator.api.queries.UpgradeView;

/** What a command that moved an upgrade says once the upgrade comes to rest: the log, then what it means. */
public final class Outcomes {

    private Outcomes() {
    }

    public static String text(UpgradeView view, List<LogEntry> log) {
        String upgradeId = view.upgradeId();
        return Views.log(log) + "\n" + switch (view.status()) {
            case COMPLETED -> "Upgrade completed: " + view.targetImage() + " serves the data of " + view.sourceImage() + ".";
            // an operator's rollback follows no failure
            case ROLLED_BACK -> (view.lastFailure() == null ? "Rolled back as asked." : "Rolled back: " + view.lastFailure())
                    + "\nThe stack serves on " + view.sourceImage() + " again, with its data.";
            case AWAITING_APPROVAL -> "Waiting at the gate: Phase 3 stops " + String.join(", ", view.stopOrder())
                    + " and starts the downtime. Approve with `upshift approve " + upgradeId + "` then `upshift advance "
                    + upgradeId + "`, or run `upshift run " + upgradeId + " --yes`.";
            case AWAITING_WINDOW -> Views.windowWait(view);
            case PREFLIGHT_PASSED -> "Pre-flight passed. Next: upshift run " + upgradeId;
            case PAUSED -> "Paused as asked. Continue with: upshift advance " + upgradeId;
            case PREFLIGHT_FAILED -> "Pre-flight failed at " + view.lastFailure() + "\nNothing in the stack was changed.";
            case ROLLBACK_FAILED -> "The rollback stopped at " + view.lastFailure();
            default -> "Upgrade " + upgradeId + " is " + view.status().label() + ".";
        };
    }
}
