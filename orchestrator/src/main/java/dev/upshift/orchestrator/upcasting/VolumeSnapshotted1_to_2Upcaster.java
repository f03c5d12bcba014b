package dev.upshift.orchestrator.upcasting;

import dev.upshift.orchestrator.api.events.VolumeSnapshotted;
import org.springframework.stereotype.Component;

/** {@link VolumeSnapshotted} 1 → 2: {@code copy}, the physical copy of the old volume, was never made before. */
@Component
public class VolumeSnapshotted1_to_2Upcaster extends OneRevisionUpcaster {

    public VolumeSnapshotted1_to_2Upcaster() {
        super(VolumeSnapshotted.class, 1, payload -> payload.putNull("copy"));
    }
}
