package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.StepReport;

/** An event that completes a runbook step, carrying what the step saw or did; reported by its executor. */
public sealed interface StepOutcome extends UpgradeEvent, StepReport permits
        BackupCreated, BackupVerified, BaselineCaptured, CompatibilityChecked, ComposeFileReverted, ComposeFileUpdated,
        ContainerRemoved, DataRestored, DatabaseStopped, DependentsRestarted, DependentsStopped, DiskSpaceChecked,
        FenceLifted, FinalDumpTaken, HealthValidated, ImagePulled, IntegrityVerified, NewContainerRemoved,
        OldContainerRecreated, OldDatabaseVerified, ServiceHealthy, ServicesHealthChecked, ServicesRestored,
        SmokeQueriesPassed, StatisticsRebuilt, VersionVerified, VolumeSnapshotted, UpgradeImageChecked, FenceHeld,
        ClusterUpgraded, UpgradedServerStarted, CompatibilityChecksPassed, OldClusterRestored, OldVersionRestored,
        UpgradeCheckPassed, CollatedIndexesRebuilt, OldContainerKept, CleanupCompleted, LogicalDecodingReady, ReplicaBuilt,
        ReplicaCaughtUp, ReplicationEnded, ReplicaRemoved {
}
