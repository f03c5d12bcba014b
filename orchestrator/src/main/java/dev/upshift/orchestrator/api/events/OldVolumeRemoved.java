package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/** 6.2: a volume the upgrade left behind removed: the old one, or 3.3's copy of it. */
@Revision("1")
public record OldVolumeRemoved(String upgradeId, Step step, String volume) implements StepProgress {
}
