package dev.upshift.orchestrator.steps.execute;

import java.util.Map;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.ComposeFileUpdated;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.api.events.VolumeSnapshotted;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/**
 * 3.3: the snapshot costs nothing: the old volume is kept exactly as the stopped server left it, and the new
 * server gets a volume of its own. The runbook copied the volume instead, with the downtime growing with it.
 */
@Component
public class SnapshotVolumeStep implements StepExecutor {

    private final StackAccess stack;

    public SnapshotVolumeStep(StackAccess stack) {
        this.stack = stack;
    }

    @Override
    public StepKind kind() {
        return StepKind.SNAPSHOT_VOLUME;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        UpgradePlan plan = history.plan();
        String newVolume = history.required(ComposeFileUpdated.class).volume();
        // compose's own labels, so that `docker compose` treats the volume as the project's
        stack.engine(plan).createVolume(newVolume, Map.of(
                "com.docker.compose.project", plan.project(),
                "com.docker.compose.volume", newVolume.substring(plan.project().length() + 1),
                "dev.upshift.upgrade", history.upgradeId()));
        return new VolumeSnapshotted(history.upgradeId(), step, plan.volume(), newVolume);
    }
}
