package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/** 2.4 (logical): every table copied and the new server within lagBytes of the old one's log. */
@Revision("1")
public record ReplicaCaughtUp(String upgradeId, Step step, int tables, long lagBytes) implements StepOutcome {
}
