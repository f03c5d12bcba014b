package dev.upshift.orchestrator.api.queries;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An upgrade's maintenance windows and, once Phase 2 has ended, what was decided with them.
 *
 * @param windows the plan's windows, as recorded
 * @param window the window the downtime waits for or started in; null before the decision, or when none holds it
 * @param downtimeStarts when the downtime starts (the opening waited for) or started (the window reached); else null
 * @param windowCloses when that window closes, or null
 * @param expectedDowntime the downtime the window had to hold, null before the decision
 * @param expectedDowntimeSource {@code rehearsal} or {@code estimate}, null before the decision
 */
public record DowntimeWindow(List<String> windows, String window, Instant downtimeStarts, Instant windowCloses,
                             Duration expectedDowntime, String expectedDowntimeSource) {

    public DowntimeWindow {
        windows = List.copyOf(windows);
    }

    /** True once decided that no window within a year holds the expected downtime. */
    public boolean noneHoldsTheDowntime() {
        return expectedDowntime != null && window == null;
    }
}
