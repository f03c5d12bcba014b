package dev.upshift.orchestrator.steps.replication;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.StepReport;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import dev.upshift.orchestrator.steps.prepare.UpdateComposeFileStep;
import org.springframework.stereotype.Component;

/**
 * 3.3 (logical): the compose file's edit of 2.1, made only at the switch. While the replica catches up — hours, for a
 * large database — the file still describes the old server: a {@code docker compose up} meanwhile (a deploy) finds
 * nothing changed, where a file already naming the new image would have it recreate the database on the volume the
 * replica is writing.
 */
@Component
public class SwitchComposeFileStep implements StepExecutor {

    private final UpdateComposeFileStep composeFileUpdate;

    public SwitchComposeFileStep(UpdateComposeFileStep composeFileUpdate) {
        this.composeFileUpdate = composeFileUpdate;
    }

    @Override
    public StepKind kind() {
        return StepKind.SWITCH_COMPOSE_FILE;
    }

    @Override
    public StepReport execute(Step step, UpgradeHistory history, Progress progress) {
        return composeFileUpdate.execute(step, history, progress);
    }
}
