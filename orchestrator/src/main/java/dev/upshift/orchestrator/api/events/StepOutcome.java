package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;

/** An event that completes a runbook step, carrying what the step saw or did. */
public sealed interface StepOutcome extends UpgradeEvent permits
        BackupCreated, BackupVerified, BaselineCaptured, CompatibilityChecked, ComposeFileReverted, ComposeFileUpdated,
        ContainerRemoved, DataRestored, DatabaseStopped, DependentsRestarted, DependentsStopped, DiskSpaceChecked,
        FenceLifted, FinalDumpTaken, HealthValidated, ImagePulled, IntegrityVerified, NewContainerRemoved,
        OldContainerRecreated, OldDatabaseVerified, ServiceHealthy, ServicesHealthChecked, ServicesRestored,
        SmokeQueriesPassed, StatisticsRebuilt, VersionVerified, VolumeSnapshotted {

    Step step();
}
