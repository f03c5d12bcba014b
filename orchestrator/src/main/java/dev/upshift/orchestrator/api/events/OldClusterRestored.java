package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/**
 * R (pg-upgrade, link, before the new server's first start): the old cluster's control file back under its own name,
 * and the new cluster, never started, removed from the old volume: its data files were only links to the old ones.
 *
 * @param removedDirectory the new cluster's directory, as the one-off container saw the volume ("17/docker")
 */
@Revision("1")
public record OldClusterRestored(String upgradeId, Step step, String volume, String removedDirectory)
        implements StepOutcome {
}
