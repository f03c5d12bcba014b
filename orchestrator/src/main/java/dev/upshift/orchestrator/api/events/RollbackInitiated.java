package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Compensation started: why, which step failed, how, the inverse steps it will take in order, and the process that takes them. */
@Revision("1")
public record RollbackInitiated(String upgradeId, String reason, Step failedStep, String mode, boolean automatic, List<Step> steps,
                                String runner) implements UpgradeEvent {
}
