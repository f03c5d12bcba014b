package dev.upshift.orchestrator.text;

import java.time.Duration;
import java.util.Locale;

/** Durations as an operator says them: "4m 12s", "1h 3m 0s", "15s"; or measured, "6.5 s". */
public final class Durations {

    private Durations() {
    }

    public static String human(Duration duration) {
        if (duration == null) {
            return "";
        }
        long seconds = Math.round(duration.toMillis() / 1000.0);
        if (seconds == 0 && !duration.isZero()) {
            return "under 1s";
        }
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        if (hours > 0) {
            return hours + "h " + minutes + "m " + rest + "s";
        }
        return minutes > 0 ? minutes + "m " + rest + "s" : rest + "s";
    }

    /** "6.5 s": a step's or a downtime's length as measured, to a tenth of a second. */
    public static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
