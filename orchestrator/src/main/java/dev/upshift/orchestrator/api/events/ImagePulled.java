package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/** 2.2: the target image is on the engine (pulled, or already there), with its id. */
@Revision("1")
public record ImagePulled(String upgradeId, Step step, String image, String imageId, boolean pulled) implements StepOutcome {
}
