package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/** A process took over an interrupted run; the step that was in progress (or null) is checked and finished or redone. */
@Revision("1")
public record RunResumed(String upgradeId, String runner, Step inProgress) implements UpgradeEvent {
}
