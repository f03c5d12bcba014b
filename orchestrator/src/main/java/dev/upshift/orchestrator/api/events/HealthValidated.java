package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.ServiceHealth;
import dev.upshift.orchestrator.api.Step;
import java.util.List;
import org.axonframework.serialization.Revision;

/** 5.1: every service healthy after the upgrade. */
@Revision("1")
public record HealthValidated(String upgradeId, Step step, List<ServiceHealth> services) implements StepOutcome {
}
