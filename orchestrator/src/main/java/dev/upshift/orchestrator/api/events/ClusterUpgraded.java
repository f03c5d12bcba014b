package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/** 3.5 (pg-upgrade): pg_upgrade moved the old cluster into a new one on the new volume, by its transfer mode. */
@Revision("1")
public record ClusterUpgraded(String upgradeId, Step step, String image, String transfer, String oldVolume,
                              String newVolume) implements StepOutcome {
}
