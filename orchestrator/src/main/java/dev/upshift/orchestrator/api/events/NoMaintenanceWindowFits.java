package dev.upshift.orchestrator.api.events;

import java.time.Duration;
import java.util.List;

import dev.upshift.orchestrator.api.SkippedWindow;
import org.axonframework.serialization.Revision;

/**
 * No opening of the plan's maintenance windows within a year holds the expected downtime (each window's first
 * opening, and why): Phase 3 cannot start; the upgrade waits before it, for a rollback.
 */
@Revision("1")
public record NoMaintenanceWindowFits(String upgradeId, Duration expectedDowntime, String expectedDowntimeSource,
                                      List<SkippedWindow> skipped) implements UpgradeEvent {

    public NoMaintenanceWindowFits {
        skipped = List.copyOf(skipped);
    }
}
