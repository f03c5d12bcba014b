package dev.upshift.orchestrator.steps.rollback;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.ComposeFileUpdated;
import dev.upshift.orchestrator.api.events.OldClusterRestored;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.ports.OneOffRun;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.StepFailure;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import dev.upshift.orchestrator.steps.execute.UpgradeClusterStep;
import org.springframework.stereotype.Component;

/**
 * R (pg-upgrade, link): before the new server's first start the old cluster is whole but for its control file, which
 * pg_upgrade renamed so that nobody starts it by mistake; it gets it back, and the new cluster, whose data files are
 * only further links to the old ones, leaves the old volume. A one-off container of the old image does it, as root.
 */
@Component
public class RestoreOldClusterStep implements StepExecutor {

    private static final String MOUNT = "/upshift/old";
    /** Then the new cluster's parents that nothing else is in ("17/" of "17/docker"), up to the volume's root. */
    private static final String SCRIPT = """
            if [ -f "$OLD_DATA/global/pg_control.old" ]; then mv "$OLD_DATA/global/pg_control.old" "$OLD_DATA/global/pg_control"; fi
            test -f "$OLD_DATA/global/pg_control"
            rm -rf "$NEW_DATA"
            dir=$(dirname "$NEW_DATA")
            while [ "$dir" != "$MOUNT" ] && rmdir "$dir" 2>/dev/null; do dir=$(dirname "$dir"); done
            """;
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final StackAccess stack;

    public RestoreOldClusterStep(StackAccess stack) {
        this.stack = stack;
    }

    @Override
    public StepKind kind() {
        return StepKind.RESTORE_OLD_CLUSTER;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        UpgradePlan plan = history.plan();
        ComposeFileUpdated updated = history.required(ComposeFileUpdated.class);
        String oldCluster = UpgradeClusterStep.inVolume(updated.previousDataLayout());
        String newCluster = UpgradeClusterStep.inVolume(updated.dataLayout());
        requireBesideTheOld(oldCluster, newCluster);
        stack.runToCompletion(plan, new OneOffRun(plan.project() + "-upshift-restore-old-cluster", plan.sourceImage(),
                List.of("sh", "-euc", SCRIPT), Map.of("MOUNT", MOUNT, "OLD_DATA", MOUNT + oldCluster,
                        "NEW_DATA", MOUNT + newCluster), Map.of(plan.volume(), MOUNT), TIMEOUT),
                "giving the old cluster back its control file");
        return new OldClusterRestored(history.upgradeId(), step, plan.volume(), newCluster.substring(1));
    }

    /** What is removed must be the new cluster alone: never the volume's root, the old cluster or a directory holding it. */
    private static void requireBesideTheOld(String oldCluster, String newCluster) {
        if (newCluster.isEmpty() || Path.of(oldCluster).startsWith(Path.of(newCluster))) {
            throw new StepFailure("the new cluster (" + (newCluster.isEmpty() ? "the volume's root" : newCluster)
                    + ") is not beside the old one (" + (oldCluster.isEmpty() ? "the volume's root" : oldCluster)
                    + "); nothing was changed: rename global/pg_control.old of the old cluster back by hand");
        }
    }
}
