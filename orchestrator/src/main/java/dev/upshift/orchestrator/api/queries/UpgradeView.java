package dev.upshift.orchestrator.api.queries;

import dev.upshift.orchestrator.api.Baseline;
import dev.upshift.orchestrator.api.Phase;
import dev.upshift.orchestrator.api.UpgradeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where one upgrade stands, for {@code upshift status}.
 *
 * @param currentImage the image the database service runs now: the source until the new server starts (3.5),
 *        the source again once a rollback recreated the old container
 * @param currentVersion the version that server answered with when last checked (0.1, 3.6, the rollback's
 *        verification), or null while it has not been checked yet
 * @param currentStep the step in progress, or null
 * @param lastFailure why the last failed step failed, or null
 * @param baseline the Phase 0 baseline (the database before the upgrade), or null before 0.1 ran
 * @param runner the process that drives (or last drove) it — "user, pid N on host", or the nodes — or null before
 *        anything ran
 * @param engine the address of the Docker engine the upgrade acts on, as its plan recorded it, or null for the
 *        default engine of whichever process drives it
 * @param expectedDowntime the downtime the last completed rehearsal measured ({@code upshift rehearse}), or null
 * @param downtimeWindow the maintenance windows and the decision with them, or null when the plan has none
 */
public record UpgradeView(
        String upgradeId,
        UpgradeStatus status,
        String project,
        String service,
        String sourceImage,
        String targetImage,
        String currentImage,
        String currentVersion,
        String method,
        List<String> stopOrder,
        Instant plannedAt,
        Instant updatedAt,
        String currentStep,
        String lastFailure,
        Baseline baseline,
        String runner,
        String engine,
        Duration expectedDowntime, DowntimeWindow downtimeWindow) {

    public UpgradeView {
        stopOrder = List.copyOf(stopOrder);
    }
}
