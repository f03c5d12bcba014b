package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import java.util.List;

import org.axonframework.serialization.Revision;

/** R: the dependents that had started on the new version are stopped again. */
@Revision("1")
public record DependentsStopped(String upgradeId, Step step, List<String> services) implements StepOutcome {
}
