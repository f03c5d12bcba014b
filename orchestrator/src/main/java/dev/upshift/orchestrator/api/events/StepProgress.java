package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;

/** A fact observed while a step is still under way (a dependent stopped, the database fenced). */
public sealed interface StepProgress extends UpgradeEvent permits
        CompatibilityIssueFound, ContainerStarted, DatabaseFenced, IntegrityMismatchDetected, ServiceStarted, ServiceStopped,
        TransferProgressed, PointOfNoReturnPassed, OldContainerRemoved, OldImageRemoved, OldVolumeRemoved, BackupsRemoved,
        ReplicationProgressed {

    Step step();
}
