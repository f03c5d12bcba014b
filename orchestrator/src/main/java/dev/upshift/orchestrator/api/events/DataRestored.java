package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.ClusterSettings;
import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/**
 * 3.5: roles and the final dump restored into the new server.
 *
 * @param cluster the new cluster's settings as its server reports them — initdb's defaults for the target
 *        (data checksums on from 18), not the old cluster's; null in revision 1, which did not read them
 */
@Revision("2")
public record DataRestored(String upgradeId, Step step, String containerId, String dump, ClusterSettings cluster)
        implements StepOutcome {
}
