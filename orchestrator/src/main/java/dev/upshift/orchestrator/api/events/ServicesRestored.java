package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.ServiceHealth;
import dev.upshift.orchestrator.api.Step;
import java.util.List;
import org.axonframework.serialization.Revision;

/** 4.x: every service runs again; the downtime ends with the last dependent healthy. */
@Revision("1")
public record ServicesRestored(String upgradeId, Step step, List<ServiceHealth> services) implements StepOutcome {
}
