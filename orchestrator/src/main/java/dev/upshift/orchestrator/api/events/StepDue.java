package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/**
 * The upgrade decided which step comes now; the process that drives it ({@code runner}) runs it. A step due again
 * after a crash is the one that was in progress.
 */
@Revision("1")
public record StepDue(String upgradeId, Step step, String runner) implements UpgradeEvent {
}
