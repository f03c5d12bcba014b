package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import java.util.List;
import org.axonframework.serialization.Revision;

/** 3.7: what differs between the restored database and the baseline or the fence counts. */
@Revision("1")
public record IntegrityMismatchDetected(String upgradeId, Step step, List<String> differences) implements StepProgress {
}
