package dev.upshift.orchestrator.upgrade;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.upshift.orchestrator.api.MaintenanceWindow;
import dev.upshift.orchestrator.api.MaintenanceWindow.Opening;
import dev.upshift.orchestrator.api.SkippedWindow;
import dev.upshift.orchestrator.text.Durations;

/**
 * When the downtime may start: now, if a window is open with the expected downtime still ahead of its close; else the
 * first later opening that holds it. Each window stands alone (two overlapping windows are not joined). The openings
 * passed over on the way are kept with the reason, the first of each window only (a weekly window too short this week
 * is as short most weeks).
 *
 * @param opening the opening the downtime starts in, or null when none within {@link #HORIZON} holds it
 * @param starts when the downtime may start: now or the opening's start; null with no opening
 */
public record WindowChoice(Opening opening, Instant starts, List<SkippedWindow> skipped) {

    /** How far ahead a window is looked for: a year and a week, every weekly window's every clock change included. */
    static final Duration HORIZON = Duration.ofDays(7 * 53);

    public WindowChoice {
        skipped = List.copyOf(skipped);
    }

    /**
     * @param reached the opening a deadline was set for, now reached (null: none): if it closed before, no node was
     *        serving while it was open, which is recorded
     */
    static WindowChoice choose(List<MaintenanceWindow> windows, Instant now, Duration expected, Opening reached) {
        Instant horizon = now.plus(HORIZON);
        List<Opening> openings = windows.stream()
                .flatMap(window -> window.openingsFrom(now).takeWhile(opening -> opening.opens().isBefore(horizon)))
                .sorted(Comparator.comparing(opening -> latest(opening.opens(), now)))
                .toList();
        List<SkippedWindow> skipped = new ArrayList<>();
        if (reached != null && !reached.closes().isAfter(now)) {
            skipped.add(new SkippedWindow(reached.window(), reached.opens(), reached.closes(),
                    "it closed before a node reached it (at " + now + "): no node (upshift serve) was serving"));
        }
        Set<String> told = new HashSet<>();
        for (Opening opening : openings) {
            Instant starts = latest(opening.opens(), now);
            Duration left = Duration.between(starts, opening.closes());
            if (left.compareTo(expected) >= 0) {
                return new WindowChoice(opening, starts, skipped);
            }
            if (told.add(opening.window())) {
                skipped.add(new SkippedWindow(opening.window(), opening.opens(), opening.closes(),
                        tooShort(opening, now, left, expected)));
            }
        }
        return new WindowChoice(null, null, skipped);
    }

    private static String tooShort(Opening opening, Instant now, Duration left, Duration expected) {
        String holds = " and the expected downtime is " + Durations.human(expected);
        return opening.opens().isBefore(now)
                ? "open, but it closes at " + opening.closes() + ", " + Durations.human(left) + " from now," + holds
                : "it lasts " + Durations.human(left) + holds;
    }

    private static Instant latest(Instant one, Instant other) {
        return one.isAfter(other) ? one : other;
    }
}
