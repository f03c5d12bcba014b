package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/**
 * How far a long transfer of a step has got (a dump, a restore; later a volume copy, pg_upgrade, a replica catching
 * up): recorded every few seconds while it lasts, never at its end, which the step's outcome records.
 *
 * @param activity what the step is doing, as the operator reads it: "dumping", "restoring"
 * @param unit     what done and total count: "rows", "entries", "bytes"
 */
@Revision("1")
public record TransferProgressed(String upgradeId, Step step, String activity, long done, long total, String unit)
        implements StepProgress {
}
