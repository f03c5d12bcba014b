package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/** 3.3: the old volume kept untouched; the new server gets a volume of its own (zero-copy). */
@Revision("1")
public record VolumeSnapshotted(String upgradeId, Step step, String oldVolume, String newVolume) implements StepOutcome {
}
