package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.ServiceHealth;
import dev.upshift.orchestrator.api.Step;
import java.util.List;

import org.axonframework.serialization.Revision;

/** 0.3: every service of the stack running and healthy. */
@Revision("1")
public record ServicesHealthChecked(String upgradeId, Step step, List<ServiceHealth> services) implements StepOutcome {
}
