package dev.upshift.orchestrator.steps.execute;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.events.DatabaseFenced;
import dev.upshift.orchestrator.api.events.FenceHeld;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/**
 * 3.1 (pg-upgrade): the downtime starts ({@link Fencing}) and nothing more: pg_upgrade takes the whole cluster, so
 * no dump is taken, and the downtime does not grow with the data. The write counter read after the counts shows
 * the aggregate that they are the data the new server must hold.
 */
@Component
public class FenceDatabaseStep implements StepExecutor {

    private final Fencing fencing;

    public FenceDatabaseStep(Fencing fencing) {
        this.fencing = fencing;
    }

    @Override
    public StepKind kind() {
        return StepKind.FENCE_DATABASE;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        DatabaseFenced fenced = fencing.stopDependentsAndFence(step, history, progress);
        return new FenceHeld(history.upgradeId(), step, fencing.writesSince(fenced, history.plan()));
    }
}
