package dev.upshift.orchestrator.api.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.upshift.orchestrator.api.SkippedWindow;
import org.axonframework.serialization.Revision;

/**
 * Phase 3 waits for a maintenance window: its first step is due at {@code opensAt}, in {@code window} (which closes
 * at {@code closesAt}), when a persistent deadline fires on a node; from here the nodes drive the upgrade
 * ({@code runner}). The expected downtime and where it comes from ({@code rehearsal} or {@code estimate}), and the
 * openings passed over on the way, and why.
 */
@Revision("1")
public record DowntimeScheduled(String upgradeId, String window, Instant opensAt, Instant closesAt,
                                Duration expectedDowntime, String expectedDowntimeSource, List<SkippedWindow> skipped,
                                String runner) implements UpgradeEvent {

    public DowntimeScheduled {
        skipped = List.copyOf(skipped);
    }
}
