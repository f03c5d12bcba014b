package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.ClusterSettings;
import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/** 0.6 (pg-upgrade): the upgrade image runs the old and the new major's binaries; the old cluster's settings to repeat. */
@Revision("1")
public record UpgradeImageChecked(String upgradeId, Step step, String image, String oldVersion, String newVersion,
                                  ClusterSettings cluster) implements StepOutcome {
}
