package dev.upshift.orchestrator.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** R: the dependents run again, each healthy, on the old version. */
@Revision("1")
public record DependentsRestarted(String upgradeId, Step step, List<ServiceHealth> services) implements StepOutcome {
}
