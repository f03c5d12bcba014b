package dev.upshift.orchestrator.steps.execute;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.ComposeFileUpdated;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.api.events.VolumeSnapshotted;
import dev.upshift.orchestrator.ports.OneOffRun;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 3.3: the snapshot costs nothing: the old volume is kept exactly as the stopped server left it, and the new
 * server gets a volume of its own. The runbook copied the volume instead, with the downtime growing with it; an
 * operator who wants that second physical copy plans with {@code --snapshot copy}. pg_upgrade's link needs no new
 * volume: the new cluster goes beside the old one, and the old volume is kept only until the new server's first
 * start (the point of no return, 3.6).
 */
@Component
public class SnapshotVolumeStep implements StepExecutor {

    /** The copy starts empty (a redone step's half copy goes) and keeps owners, modes and times. */
    private static final String COPY_SCRIPT = "rm -rf /to/..?* /to/.[!.]* /to/*; cp -a /from/. /to/";

    private final StackAccess stack;
    private final Duration copyTimeout;

    public SnapshotVolumeStep(StackAccess stack, @Value("${upshift.volume-copy-timeout:PT6H}") Duration copyTimeout) {
        this.stack = stack;
        this.copyTimeout = copyTimeout;
    }

    @Override
    public StepKind kind() {
        return StepKind.SNAPSHOT_VOLUME;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        UpgradePlan plan = history.plan();
        String newVolume = history.required(ComposeFileUpdated.class).volume();
        if (!plan.upgradesInPlace()) {
            stack.createProjectVolume(plan, newVolume, history.upgradeId());
        }
        String copy = UpgradePlan.COPY.equals(plan.snapshot()) ? copy(plan, history.upgradeId()) : null;
        return new VolumeSnapshotted(history.upgradeId(), step, plan.volume(), newVolume, copy);
    }

    /**
     * The runbook's copy of the volume, for an operator who wants a second physical copy: taken with the server
     * stopped (3.2), in a one-off container of the old image; a redone step empties the copy and copies again.
     */
    private String copy(UpgradePlan plan, String upgradeId) {
        String copy = plan.volume() + "_copy_" + upgradeId;
        stack.createProjectVolume(plan, copy, upgradeId);
        stack.runToCompletion(plan, new OneOffRun(plan.project() + "-upshift-volume-copy",
                plan.sourceImage(), List.of("sh", "-euc", COPY_SCRIPT), Map.of(),
                Map.of(plan.volume(), "/from", copy, "/to"), copyTimeout), "the copy of " + plan.volume());
        return copy;
    }
}
