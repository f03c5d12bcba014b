package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/**
 * 6.1: the old image's reference removed (docker rmi, never forced); the image's layers went with it unless
 * another reference still names them.
 */
@Revision("1")
public record OldImageRemoved(String upgradeId, Step step, String reference, String imageId) implements StepProgress {
}
