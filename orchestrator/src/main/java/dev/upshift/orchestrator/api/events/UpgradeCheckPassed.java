package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/**
 * 0.7 (pg-upgrade): pg_upgrade, with the plan's transfer mode, found the clusters compatible — run with {@code --check}
 * on a base backup of the live cluster in a scratch volume, removed again.
 *
 * @param report what pg_upgrade printed: each check it made and its verdict
 */
@Revision("1")
public record UpgradeCheckPassed(String upgradeId, Step step, String transfer, String scratchVolume, String report)
        implements StepOutcome {
}
