package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/** 3.1 (pg-upgrade): dependents stopped, database fenced and counted; writesSinceFence proves the counts are the data. */
@Revision("1")
public record FenceHeld(String upgradeId, Step step, long writesSinceFence) implements StepOutcome {
}
