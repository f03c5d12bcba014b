package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import java.util.List;

import org.axonframework.serialization.Revision;

/** 0.4: the target image is present, runs a newer major version and has every extension the database uses. */
@Revision("1")
public record CompatibilityChecked(String upgradeId, Step step, String targetImage, String imageId, String serverVersion, List<String> extensions) implements StepOutcome {
}
