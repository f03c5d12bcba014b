package dev.upshift.orchestrator.api.queries;

import dev.upshift.orchestrator.api.Phase;
import dev.upshift.orchestrator.api.UpgradeStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * An upgrade in figures, every one computed from event times. The downtime runs from the first dependent
 * stopped to the last one serving again (Phase 4, or the rollback's restart); were the dependents up in
 * between (a rollback after Phase 4), only the time they were down counts.
 *
 * @param sourceVersion the server version of the baseline (0.1), or null before it
 * @param targetVersion the version the target image runs (0.4), then the one verified on the new server (3.6)
 * @param started when the first step started, or null
 * @param ended when the upgrade completed, rolled back or the rollback stopped; null while it goes on
 * @param downtime null until a dependent stopped; while they are still down, the time up to the last event
 * @param downtimeOngoing true while dependents are stopped
 * @param rolledBack true once a rollback completed
 * @param rollbackReason why the rollback started, or null
 * @param failedStep the step the rollback answered, e.g. "4.1 Start api", or null
 * @param timeToRollback from the rollback's start to its completion, or null
 * @param newVolume the volume the new server got (3.3), or null
 */
public record UpgradeSummary(
        String upgradeId,
        String project,
        String sourceVersion,
        String targetVersion,
        String method,
        UpgradeStatus status,
        Instant started,
        Instant ended,
        Instant downtimeStarted,
        Instant downtimeEnded,
        Duration downtime,
        boolean downtimeOngoing,
        boolean rolledBack,
        String rollbackReason,
        String failedStep,
        Instant rollbackStarted,
        Instant rollbackEnded,
        Duration timeToRollback,
        String dataVolume,
        String newVolume) {
}
