package dev.upshift.orchestrator.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** 5.1: every service healthy after the upgrade. */
@Revision("1")
public record HealthValidated(String upgradeId, Step step, List<ServiceHealth> services) implements StepOutcome {
}
