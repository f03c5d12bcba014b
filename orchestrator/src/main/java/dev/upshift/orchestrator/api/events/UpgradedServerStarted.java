package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/**
 * 3.6 (pg-upgrade): the new server runs on the upgraded cluster, with the old container's configuration, and is
 * healthy; the fence pg_upgrade carried over is lifted (connectionLimit: the database's limit before the fence).
 */
@Revision("1")
public record UpgradedServerStarted(String upgradeId, Step step, String containerId, String image,
                                    int connectionLimit) implements StepOutcome {
}
