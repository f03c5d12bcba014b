package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/** Compensation stopped at a step; what is left for the operator is said. */
@Revision("1")
public record RollbackFailed(String upgradeId, Step step, String reason, String leftForOperator) implements UpgradeEvent {
}
