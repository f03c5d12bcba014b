package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.ServiceHealth;
import dev.upshift.orchestrator.api.Step;
import java.util.List;
import org.axonframework.serialization.Revision;

/** R: the dependents run again, each healthy, on the old version. */
@Revision("1")
public record DependentsRestarted(String upgradeId, Step step, List<ServiceHealth> services) implements StepOutcome {
}
