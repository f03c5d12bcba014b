package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/**
 * 3.3: the old volume kept untouched; the new server gets a volume of its own (zero-copy); with
 * {@code plan --snapshot copy}, the volume that holds a physical copy of the old one (else null).
 */
@Revision("2")
public record VolumeSnapshotted(String upgradeId, Step step, String oldVolume, String newVolume, String copy)
        implements StepOutcome {
}
