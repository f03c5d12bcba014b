package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/** 2.1: the compose file names the target image and the new data volume; the original is kept beside it. */
@Revision("1")
public record ComposeFileUpdated(String upgradeId, Step step, String file, String originalCopy, String previousImage, String image, String previousVolume, String volume) implements StepOutcome {
}
