package dev.upshift.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.orchestrator.SamplePlans;
import org.junit.jupiter.api.Test;

class RunbookTest {

    private final Runbook runbook = Runbook.of(SamplePlans.makapix());

    @Test
    void givenThePlanWhenNumberingThenStepsReadLikeTheRunbook() {
        assertThat(runbook.inPhase(Phase.PREFLIGHT)).extracting(Step::number).containsExactly("0.1", "0.2", "0.3", "0.4", "0.5");
        assertThat(runbook.inPhase(Phase.EXECUTE)).extracting(Step::number)
                .containsExactly("3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7");
    }

    @Test
    void givenDependentsWhenNumberingPhaseFourThenEachIsStartedInReverseStopOrder() {
        assertThat(runbook.inPhase(Phase.RESTORE_SERVICES)).extracting(Step::toString)
                .containsExactly("4.1 Start api", "4.2 Start worker", "4.3 Start web", "4.4 Verify all services running");
    }

    @Test
    void givenTheLastPreflightCheckWhenAskingWhatFollowsThenPhaseOneBegins() {
        Step lastCheck = runbook.inPhase(Phase.PREFLIGHT).get(4);
        assertThat(runbook.isLastOf(Phase.PREFLIGHT, lastCheck)).isTrue();
        assertThat(runbook.after(lastCheck)).contains(runbook.first(Phase.BACKUP));
    }

    @Test
    void givenAStepRecordedUnderAnotherNumberWhenAskingWhatFollowsThenItIsFoundByWhatItDoes() {
        Runbook byPgUpgrade = Runbook.of(SamplePlans.makapixByPgUpgrade());
        Step recordedBeforeCompatibility = new Step("0.5", StepKind.UPGRADE_IMAGE, null);

        assertThat(byPgUpgrade.after(recordedBeforeCompatibility)).map(Step::toString)
                .contains("0.7 Run pg_upgrade --check on a copy of the cluster");
    }

    @Test
    void givenAPlanByPgUpgradeWhenNumberingThenItChecksCompatibilityAndTheUpgradeImageFencesWithoutADumpAndUpgradesTheCluster() {
        Runbook byPgUpgrade = Runbook.of(SamplePlans.makapixByPgUpgrade());

        assertThat(byPgUpgrade.inPhase(Phase.PREFLIGHT)).extracting(Step::toString).endsWith(
                "0.4 Check the target image", "0.5 Check compatibility with the target",
                "0.6 Check the upgrade image and the cluster's settings",
                "0.7 Run pg_upgrade --check on a copy of the cluster");
        assertThat(byPgUpgrade.inPhase(Phase.EXECUTE)).extracting(Step::toString).containsExactly(
                "3.1 Stop dependents, fence the database, count its rows", "3.2 Stop the database",
                "3.3 Snapshot the volume", "3.4 Set the old container aside (renamed, stopped, kept)",
                "3.5 Upgrade the cluster with pg_upgrade",
                "3.6 Start the new server on the upgraded cluster", "3.7 Verify the new server version",
                "3.8 Verify data integrity", "3.9 Rebuild the indexes a new C library sorts differently");
        assertThat(byPgUpgrade.inPhase(Phase.BACKUP)).isEqualTo(runbook.inPhase(Phase.BACKUP));
    }

    @Test
    void givenAPlanByLogicalReplicationWhenNumberingThenTheReplicaIsBuiltBeforeTheDowntimeAndTheComposeFileEditedAtTheSwitch() {
        Runbook logical = Runbook.of(SamplePlans.makapixByLogicalReplication());

        assertThat(logical.inPhase(Phase.PREPARE)).extracting(Step::toString).containsExactly(
                "2.1 Make the new image present", "2.2 Let the old server decode logically (wal_level)",
                "2.3 Start the new server beside the old one: roles, schema, subscription",
                "2.4 Copy the data and follow the changes until caught up");
        assertThat(logical.inPhase(Phase.EXECUTE)).extracting(Step::toString).containsExactly(
                "3.1 Stop dependents, fence the database, count its rows",
                "3.2 Let the last changes arrive, carry the sequences over, end the replication",
                "3.3 Update the compose file", "3.4 Stop the database",
                "3.5 Set the old container aside (renamed, stopped, kept)",
                "3.6 Start the new server as the service on the replica's volume", "3.7 Verify the new server version",
                "3.8 Verify data integrity");
        assertThat(logical.inPhase(Phase.PREFLIGHT)).isEqualTo(runbook.inPhase(Phase.PREFLIGHT));
    }

    @Test
    void givenAnyPlanWhenNumberingThenTheScheduledCleanupRemovesTheOldServerThenTheOldData() {
        assertThat(Runbook.of(SamplePlans.makapixByPgUpgrade("link")).inPhase(Phase.CLEANUP)).extracting(Step::toString)
                .containsExactly("6.1 Remove the kept old container and the old image",
                        "6.2 Remove the old volume and the backups");
        assertThat(runbook.inPhase(Phase.CLEANUP)).hasSize(2);
    }
}
