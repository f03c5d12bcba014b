package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/** R: the old server runs the old version with every table's rows as counted at the fence. */
@Revision("1")
public record OldDatabaseVerified(String upgradeId, Step step, String serverVersion, long rows) implements StepOutcome {
}
