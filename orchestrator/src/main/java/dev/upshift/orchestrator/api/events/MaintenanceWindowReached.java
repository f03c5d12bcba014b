package dev.upshift.orchestrator.api.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.upshift.orchestrator.api.SkippedWindow;
import org.axonframework.serialization.Revision;

/**
 * A maintenance window is open and what is left of it ({@code closesAt}) holds the expected downtime: Phase 3 starts
 * now. The openings passed over first, and why.
 */
@Revision("1")
public record MaintenanceWindowReached(String upgradeId, String window, Instant closesAt, Duration expectedDowntime,
                                       String expectedDowntimeSource, List<SkippedWindow> skipped) implements UpgradeEvent {

    public MaintenanceWindowReached {
        skipped = List.copyOf(skipped);
    }
}
