package dev.upshift.orchestrator.api.queries;

import java.time.Instant;
import java.util.List;

/**
 * One upgrade as it stood at an instant: what {@code status}, {@code log} and the status tables said then.
 *
 * @param at the instant, or null for the read models as they are now (every event so far)
 * @param events how many of the upgrade's events had happened by then
 * @param upgrade null when the upgrade was not planned yet at that instant
 */
public record UpgradeAt(String upgradeId, Instant at, int events, UpgradeView upgrade, List<LogEntry> log,
                        List<ComponentStatus> components, UpgradeSummary summary) {

    public UpgradeAt {
        log = List.copyOf(log);
        components = List.copyOf(components);
    }
}
