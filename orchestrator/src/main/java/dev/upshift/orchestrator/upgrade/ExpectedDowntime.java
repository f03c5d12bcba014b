package dev.upshift.orchestrator.upgrade;

import java.time.Duration;

import dev.upshift.orchestrator.api.Baseline;
import dev.upshift.orchestrator.api.UpgradeMethod;

/**
 * How long Phase 3 to the end of Phase 4 is expected to keep the stack down, which a maintenance window must hold: a
 * rehearsal's measured downtime when there is one, otherwise an estimate from the database's size at 0.1 and the
 * method — docs/benchmarks.md's figures (sections 2, 8, 9, 10: a fixed part plus a part per GB), doubled for a loaded
 * engine (docs/decisions.md, "Expected downtime").
 *
 * @param source {@link #REHEARSAL} or {@link #ESTIMATE}; pg-upgrade's link ({@code upgradesInPlace}) grows least
 */
public record ExpectedDowntime(Duration duration, String source) {

    public static final String REHEARSAL = "rehearsal";
    public static final String ESTIMATE = "estimate";

    private static final double BYTES_PER_GB = 1e9;
    private static final double LOADED = 2.0;

    /** A rehearsal's measured downtime (issue 11, item 3: {@code RehearsalCompleted}), taken as it is. */
    public static ExpectedDowntime rehearsed(Duration measured) {
        return new ExpectedDowntime(measured, REHEARSAL);
    }

    /** From the database's size at 0.1 (none yet: as if empty) and how the plan moves the data. */
    public static ExpectedDowntime estimated(Baseline baseline, UpgradeMethod method, boolean upgradesInPlace) {
        double gigabytes = baseline == null ? 0 : baseline.databaseSizeBytes() / BYTES_PER_GB;
        double seconds = fixedSeconds(method, upgradesInPlace) + secondsPerGigabyte(method, upgradesInPlace) * gigabytes;
        return new ExpectedDowntime(Duration.ofSeconds((long) Math.ceil(seconds * LOADED)), ESTIMATE);
    }

    /** Measured at 16 MB (docs/benchmarks.md): what does not grow with the data — stops, a new server, Phase 4. */
    private static double fixedSeconds(UpgradeMethod method, boolean upgradesInPlace) {
        if (method == UpgradeMethod.DUMP_RESTORE) {
            return 10;
        }
        if (method == UpgradeMethod.LOGICAL) {
            return 6;
        }
        return upgradesInPlace ? 8 : 9;
    }

    /** From 16 MB to 1.6 GB: the final dump and the restore; pg_upgrade's file copy; link's counts and index rebuild. */
    private static double secondsPerGigabyte(UpgradeMethod method, boolean upgradesInPlace) {
        if (method == UpgradeMethod.DUMP_RESTORE) {
            return 31;
        }
        if (method == UpgradeMethod.LOGICAL) {
            return 1; // the data moved before the downtime: only the row counts of the fence and the integrity check
        }
        return upgradesInPlace ? 2.5 : 9;
    }
}
