package dev.upshift.orchestrator.api.events;

import java.time.Duration;
import java.util.List;

import dev.upshift.orchestrator.api.StepTime;
import org.axonframework.serialization.Revision;

/**
 * The rehearsal's upgrade completed on the scratch copy, its integrity rules held.
 *
 * @param downtime the rehearsal's downtime, measured as every upgrade's is (the upgrade summary's): it becomes the
 *        upgrade's expected downtime
 * @param steps how long each step of the rehearsal took, in runbook order
 */
@Revision("1")
public record RehearsalCompleted(String upgradeId, String rehearsalId, Duration downtime, List<StepTime> steps)
        implements RehearsalEvent {

    public RehearsalCompleted {
        steps = List.copyOf(steps);
    }
}
