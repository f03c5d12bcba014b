package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/** 3.6: the new server runs the planned major version. */
@Revision("1")
public record VersionVerified(String upgradeId, Step step, String serverVersion, int majorVersion) implements StepOutcome {
}
