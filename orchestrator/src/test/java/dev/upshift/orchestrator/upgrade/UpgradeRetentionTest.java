package dev.upshift.orchestrator.upgrade;

import static dev.upshift.orchestrator.SamplePlans.RUNNER;
import static dev.upshift.orchestrator.SamplePlans.UPGRADE_ID;
import static dev.upshift.orchestrator.upgrade.Histories.OTHER;
import static dev.upshift.orchestrator.upgrade.Histories.RUNBOOK;
import static dev.upshift.orchestrator.upgrade.Histories.outcome;
import static dev.upshift.orchestrator.upgrade.Histories.running;
import static dev.upshift.orchestrator.upgrade.Histories.step;

import static org.axonframework.test.matchers.Matchers.listWithAnyOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.upshift.orchestrator.SamplePlans;
import dev.upshift.orchestrator.api.BackupFile;
import dev.upshift.orchestrator.api.Phase;
import dev.upshift.orchestrator.api.Retained;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.commands.CleanUpNow;
import dev.upshift.orchestrator.api.commands.CompleteStep;
import dev.upshift.orchestrator.api.commands.FailStep;
import dev.upshift.orchestrator.api.commands.InitiateRollback;
import dev.upshift.orchestrator.api.commands.StartStep;
import dev.upshift.orchestrator.api.events.BackupCreated;
import dev.upshift.orchestrator.api.events.CleanupCompleted;
import dev.upshift.orchestrator.api.events.CleanupRequested;
import dev.upshift.orchestrator.api.events.OldContainerKept;
import dev.upshift.orchestrator.api.events.OldVolumeRemoved;
import dev.upshift.orchestrator.api.events.RetentionCancelled;
import dev.upshift.orchestrator.api.events.RetentionRemovalFailed;
import dev.upshift.orchestrator.api.events.RetentionScheduled;
import dev.upshift.orchestrator.api.events.StepDue;
import dev.upshift.orchestrator.api.events.StepStarted;
import dev.upshift.orchestrator.api.events.UpgradeCompleted;
import dev.upshift.orchestrator.api.events.UpgradePlanned;
import dev.upshift.orchestrator.api.events.VolumeSnapshotted;
import dev.upshift.orchestrator.process.ThisProcess;
import dev.upshift.orchestrator.upgrade.rules.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/**
 * Retention: on completion the upgrade records what it keeps until when and schedules a deadline per Phase 6 step;
 * at its time the step is due for the nodes; a failed removal is recorded and tried again later; {@code cleanup
 * --now} makes them due at once; a rollback cancels what is left.
 */
class UpgradeRetentionTest {

    private static final Step REMOVE_SERVER = step("6.1");
    private static final Step REMOVE_DATA = step("6.2");
    private static final String KEPT_AS = "makapix-db-1-before-makapix-pg17";
    private static final String DUMP = "/opt/makapix/backups/makapix-pg17_pre_pg17.dump";

    private final AggregateTestFixture<Upgrade> fixture = new AggregateTestFixture<>(Upgrade.class);

    @Test
    void givenTheLastCheckUnderWayWhenItEndsThenWhatIsKeptIsRecordedWithItsTimeAndADeadlineScheduledPerStep() {
        Instant now = fixture.currentTime();
        fixture.given(lastCheckRunning(SamplePlans.makapix()))
                .when(new CompleteStep(UPGRADE_ID, outcome(lastCheck())))
                .expectEvents(outcome(lastCheck()), new UpgradeCompleted(UPGRADE_ID), new RetentionScheduled(UPGRADE_ID,
                        List.of(new Retained(Retained.CONTAINER, KEPT_AS, REMOVE_SERVER, now.plus(Duration.ofHours(24))),
                                new Retained(Retained.IMAGE, "postgres:16-alpine", REMOVE_SERVER, now.plus(Duration.ofHours(24))),
                                new Retained(Retained.VOLUME, "makapix_pg_data", REMOVE_DATA, now.plus(Duration.ofDays(7))),
                                new Retained(Retained.BACKUP, DUMP, REMOVE_DATA, now.plus(Duration.ofDays(7)))),
                        List.of()))
                .expectScheduledDeadline(Duration.ofHours(24), REMOVE_SERVER)
                .expectScheduledDeadline(Duration.ofDays(7), REMOVE_DATA);
    }

    @Test
    void givenKeepOldOfTwentySecondsWhenCompletedThenEverythingIsKeptTwentySeconds() {
        fixture.given(lastCheckRunning(SamplePlans.makapix().keepingOldFor(Duration.ofSeconds(20))))
                .when(new CompleteStep(UPGRADE_ID, outcome(lastCheck())))
                .expectScheduledDeadline(Duration.ofSeconds(20), REMOVE_SERVER)
                .expectScheduledDeadline(Duration.ofSeconds(20), REMOVE_DATA);
    }

    @Test
    void givenALinkedUpgradeWhenCompletedThenTheOldVolumeThatHoldsTheNewClusterIsKeptForGood() {
        Instant now = fixture.currentTime();
        fixture.given(lastCheckRunning(SamplePlans.makapixByPgUpgrade("link")))
                .when(new CompleteStep(UPGRADE_ID, outcome(lastCheck())))
                .expectEvents(outcome(lastCheck()), new UpgradeCompleted(UPGRADE_ID), new RetentionScheduled(UPGRADE_ID,
                        List.of(new Retained(Retained.CONTAINER, KEPT_AS, REMOVE_SERVER, now.plus(Duration.ofHours(24))),
                                new Retained(Retained.IMAGE, "postgres:16-alpine", REMOVE_SERVER, now.plus(Duration.ofHours(24))),
                                new Retained(Retained.BACKUP, DUMP, REMOVE_DATA, now.plus(Duration.ofDays(7)))),
                        List.of("volume makapix_pg_data: it holds the new cluster too (pg_upgrade --transfer link)")));
    }

    @Test
    void givenACompletedUpgradeWhenTheOldImagesTimeComesThenItsRemovalIsDueForTheNodes() {
        fixture.given(lastCheckRunning(SamplePlans.makapix()))
                .andGivenCommands(new CompleteStep(UPGRADE_ID, outcome(lastCheck())))
                .whenTimeElapses(Duration.ofHours(24))
                .expectEvents(new StepDue(UPGRADE_ID, REMOVE_SERVER, ThisProcess.NODES));
    }

    @Test
    void givenBothRemovalsDueAtOnceWhenTheirTimeComesThenOneStepIsDueAndTheOtherWaitsForItsEnd() {
        fixture.given(lastCheckRunning(SamplePlans.makapix().keepingOldFor(Duration.ofSeconds(20))))
                .andGivenCommands(new CompleteStep(UPGRADE_ID, outcome(lastCheck())))
                .whenTimeElapses(Duration.ofSeconds(20))
                .expectEvents(new StepDue(UPGRADE_ID, REMOVE_SERVER, ThisProcess.NODES));
    }

    @Test
    void givenARemovalUnderWayWhenItFailsThenTheUpgradeStaysCompletedAndTheStepIsTriedAgainLater() {
        fixture.given(removing(REMOVE_SERVER))
                .when(new FailStep(UPGRADE_ID, REMOVE_SERVER, "the engine did not answer"))
                .expectEvents(new RetentionRemovalFailed(UPGRADE_ID, REMOVE_SERVER, "the engine did not answer", 1,
                        fixture.currentTime().plus(Upgrade.RETRY_AFTER)))
                .expectScheduledDeadline(Upgrade.RETRY_AFTER, REMOVE_SERVER);
    }

    @Test
    void givenTheLastAttemptWhenItFailsThenItIsReportedAndNotTriedAgainByItself() {
        List<Object> history = removing(REMOVE_SERVER);
        for (int attempt = 1; attempt < Upgrade.REMOVAL_ATTEMPTS; attempt++) {
            history.add(history.size() - 2, new RetentionRemovalFailed(UPGRADE_ID, REMOVE_SERVER, "refused", attempt,
                    Instant.EPOCH));
        }
        fixture.given(history)
                .when(new FailStep(UPGRADE_ID, REMOVE_SERVER, "refused"))
                .expectEvents(new RetentionRemovalFailed(UPGRADE_ID, REMOVE_SERVER, "refused", Upgrade.REMOVAL_ATTEMPTS, null))
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenWhatIsKeptWhenTheOperatorCleansUpNowThenEachStepIsDueForTheOperatorsProcessInTurn() {
        fixture.given(completed())
                .when(new CleanUpNow(UPGRADE_ID, OTHER))
                .expectEvents(new CleanupRequested(UPGRADE_ID, OTHER), new StepDue(UPGRADE_ID, REMOVE_SERVER, OTHER));

        List<Object> removingServer = completed();
        removingServer.add(new CleanupRequested(UPGRADE_ID, OTHER));
        removingServer.add(new StepDue(UPGRADE_ID, REMOVE_SERVER, OTHER));
        removingServer.add(new StepStarted(UPGRADE_ID, REMOVE_SERVER));
        CleanupCompleted serverRemoved = new CleanupCompleted(UPGRADE_ID, REMOVE_SERVER, List.of());
        fixture.given(removingServer)
                .when(new CompleteStep(UPGRADE_ID, serverRemoved))
                .expectEvents(serverRemoved, new StepDue(UPGRADE_ID, REMOVE_DATA, OTHER));
    }

    @Test
    void givenARemovalForTheNodesWhenAnotherProcessStartsItThenItIsRefused() {
        fixture.given(removing(REMOVE_SERVER))
                .when(new StartStep(UPGRADE_ID, REMOVE_SERVER, RUNNER))
                .expectException(RuleViolation.class);
    }

    @Test
    void givenWhatIsKeptWhenTheCompletedUpgradeIsRolledBackThenTheRetentionIsCancelledAndItsDeadlinesWithIt() {
        fixture.given(lastCheckRunning(SamplePlans.makapix()))
                .andGivenCommands(new CompleteStep(UPGRADE_ID, outcome(lastCheck())))
                .when(new InitiateRollback(UPGRADE_ID, "requested by the operator", "quick", true, RUNNER))
                .expectNoScheduledDeadlines()
                .expectEventsMatching(payloadsMatching(listWithAnyOf(equalTo(new RetentionCancelled(UPGRADE_ID, "rolled back", List.of(
                        "container " + KEPT_AS, "image postgres:16-alpine", "volume makapix_pg_data", "backup " + DUMP))))));
    }

    @Test
    void givenTheOldVolumeRemovedWhenAQuickRollbackIsAskedThenItIsRefusedBeforeAnythingStops() {
        List<Object> history = completed();
        history.add(new OldVolumeRemoved(UPGRADE_ID, REMOVE_DATA, "makapix_pg_data"));
        fixture.given(history)
                .when(new InitiateRollback(UPGRADE_ID, "requested by the operator", "quick", true, RUNNER))
                .expectExceptionMessage("the quick rollback of upgrade makapix-pg17 needs what retention has removed "
                        + "(volume makapix_pg_data); `upshift audit --id makapix-pg17` shows when");
    }

    @Test
    void givenNothingKeptWhenTheOperatorCleansUpNowThenItIsRefused() {
        List<Object> history = completed();
        history.add(new CleanupRequested(UPGRADE_ID, OTHER));
        history.add(new CleanupCompleted(UPGRADE_ID, REMOVE_SERVER, List.of()));
        history.add(new CleanupCompleted(UPGRADE_ID, REMOVE_DATA, List.of()));
        fixture.given(history)
                .when(new CleanUpNow(UPGRADE_ID, OTHER))
                .expectExceptionMessage("upgrade makapix-pg17 keeps nothing that is still to be removed; "
                        + "`upshift cleanup makapix-pg17` lists what was removed");
    }

    private static Step lastCheck() {
        List<Step> checks = RUNBOOK.inPhase(Phase.VALIDATE);
        return checks.get(checks.size() - 1);
    }

    /** The sample run up to its last check, with what retention reads: 1.1's dump, 3.3's volumes, 3.4's kept container. */
    private static List<Object> lastCheckRunning(UpgradePlan plan) {
        List<Object> history = running(lastCheck());
        history.set(0, new UpgradePlanned(UPGRADE_ID, plan));
        history.addAll(1, List.of(
                new BackupCreated(UPGRADE_ID, step("1.1"), "custom", new BackupFile(DUMP, 2_183_270L, "b6ca08")),
                new VolumeSnapshotted(UPGRADE_ID, step("3.3"), "makapix_pg_data", "makapix_pg_data_pg17", null),
                new OldContainerKept(UPGRADE_ID, step("3.4"), "43b974", "makapix-db-1", KEPT_AS, "sha256:9d3524")));
        return history;
    }

    private List<Object> completed() {
        List<Object> history = lastCheckRunning(SamplePlans.makapix());
        history.add(outcome(lastCheck()));
        history.add(new UpgradeCompleted(UPGRADE_ID));
        Instant now = fixture.currentTime();
        history.add(new RetentionScheduled(UPGRADE_ID, List.of(
                new Retained(Retained.CONTAINER, KEPT_AS, REMOVE_SERVER, now.plus(Duration.ofHours(24))),
                new Retained(Retained.IMAGE, "postgres:16-alpine", REMOVE_SERVER, now.plus(Duration.ofHours(24))),
                new Retained(Retained.VOLUME, "makapix_pg_data", REMOVE_DATA, now.plus(Duration.ofDays(7))),
                new Retained(Retained.BACKUP, DUMP, REMOVE_DATA, now.plus(Duration.ofDays(7)))), List.of()));
        return history;
    }

    /** The step's time came: due for the nodes, started by one. */
    private List<Object> removing(Step step) {
        List<Object> history = completed();
        history.add(new StepDue(UPGRADE_ID, step, ThisProcess.NODES));
        history.add(new StepStarted(UPGRADE_ID, step));
        return history;
    }
}
